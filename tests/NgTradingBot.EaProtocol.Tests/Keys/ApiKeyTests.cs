using NgTradingBot.EaProtocol.Keys;

namespace NgTradingBot.EaProtocol.Tests.Keys;

public class ApiKeyTests
{
    [Fact]
    public void GeneratesSixtyFourCharacterKeysFromTheSafeAlphabet()
    {
        var keys = Enumerable.Range(0, 200).Select(_ => ApiKeyGenerator.Generate()).ToList();

        Assert.All(keys, key =>
        {
            Assert.Equal(64, key.Length);
            Assert.True(ApiKeyFormat.IsWellFormed(key));
            Assert.Matches("^[A-Za-z0-9_-]{64}$", key);
        });
        Assert.Equal(keys.Count, keys.Distinct().Count());
        // 12,800 uniform draws from 64 symbols: missing any one has probability ~e^-200.
        Assert.Equal(64, keys.SelectMany(k => k).Distinct().Count());
    }

    [Fact]
    public void HashesWithSha256()
    {
        Assert.Equal("ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad", ApiKeyHasher.HashToHex("abc"));
    }

    [Fact]
    public void VerifiesTheRightKeyOnly()
    {
        var key = ApiKeyGenerator.Generate();
        var other = ApiKeyGenerator.Generate();
        var hash = ApiKeyHasher.Hash(key);

        Assert.True(ApiKeyHasher.Verify(key, hash));
        Assert.True(ApiKeyHasher.Verify(key, ApiKeyHasher.HashToHex(key)));
        Assert.False(ApiKeyHasher.Verify(other, hash));
        Assert.False(ApiKeyHasher.Verify(key[..^1] + (key[^1] == 'A' ? 'B' : 'A'), hash));
        Assert.False(ApiKeyHasher.Verify(null, hash));
        Assert.False(ApiKeyHasher.Verify(key, hash.AsSpan(0, 31)));
        Assert.False(ApiKeyHasher.Verify(key, "not hex"));
        Assert.False(ApiKeyHasher.Verify(key, new string('z', 64)));
    }

    [Theory]
    [InlineData(null, false)]
    [InlineData("", false)]
    [InlineData("short_but_valid_chars", false)]
    [InlineData("abcdefghijabcdefghijabcdefghij12", true)]
    [InlineData("abcdefghijabcdefghijabcdefghij1+", false)]
    [InlineData("abcdefghijabcdefghijabcdefghij1=", false)]
    [InlineData("abcdefghijabcdefghijabcdefghij1 ", false)]
    [InlineData("abcdefghijabcdefghijabcdefghij1é", false)]
    public void ChecksPresentedKeyShape(string? key, bool expected)
    {
        Assert.Equal(expected, ApiKeyFormat.IsWellFormed(key));
    }

    [Fact]
    public void RefusesOverlongKeys()
    {
        Assert.True(ApiKeyFormat.IsWellFormed(new string('a', 128)));
        Assert.False(ApiKeyFormat.IsWellFormed(new string('a', 129)));
    }
}
