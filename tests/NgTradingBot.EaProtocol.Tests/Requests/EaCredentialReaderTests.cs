using NgTradingBot.EaProtocol.Auth;
using NgTradingBot.EaProtocol.Requests;

namespace NgTradingBot.EaProtocol.Tests.Requests;

public class EaCredentialReaderTests
{
    [Fact]
    public void ReadsAccountAndKeyFromBody()
    {
        var result = EaCredentialReader.Read(EaBodies.Parse("""{"account":12345678,"api_key":"KEY"}"""), headerApiKey: "OTHER");

        Assert.Equal(new EaCredentials(12345678, "KEY"), result.Value);
    }

    [Fact]
    public void FallsBackToHeaderWhenBodyHasNoKey()
    {
        var result = EaCredentialReader.Read(EaBodies.Parse(EaBodies.Historical), headerApiKey: "HDR");

        Assert.Equal(new EaCredentials(12345678, "HDR"), result.Value);
    }

    [Fact]
    public void FallsBackToHeaderWhenBodyKeyIsEmpty()
    {
        var result = EaCredentialReader.Read(EaBodies.Parse("""{"account":1,"api_key":""}"""), headerApiKey: "HDR");

        Assert.Equal("HDR", result.Value?.ApiKey);
    }

    [Fact]
    public void MissingBodyIsNoDataProvided()
    {
        Assert.Equal(EaError.NoDataProvided, EaCredentialReader.Read(null, "HDR").Error);
        Assert.Equal(EaError.NoDataProvided, EaCredentialReader.Read(EaBodies.Parse("[]"), "HDR").Error);
    }

    [Theory]
    [InlineData("""{"api_key":"K"}""", null)]
    [InlineData("""{"account":0,"api_key":"K"}""", null)]
    [InlineData("""{"account":null,"api_key":"K"}""", null)]
    [InlineData("""{"account":1}""", null)]
    [InlineData("""{"account":1}""", "")]
    [InlineData("""{"account":1,"api_key":null}""", "  ")]
    public void MissingAccountOrKeyIs401(string body, string? header)
    {
        var error = EaCredentialReader.Read(EaBodies.Parse(body), header).Error;

        Assert.Equal(401, error?.StatusCode);
        Assert.Equal("Missing account or api_key", error?.Message);
    }

    [Theory]
    [InlineData("""{"account":"abc","api_key":"K"}""", "account must be an integer, got string 'abc'")]
    [InlineData("""{"account":-3,"api_key":"K"}""", "account must be greater than 0")]
    [InlineData("""{"account":1,"api_key":123}""", "api_key must be a string, got number 123")]
    public void MalformedCredentialsAre400(string body, string expected)
    {
        var error = EaCredentialReader.Read(EaBodies.Parse(body), null).Error;

        Assert.Equal(EaError.BadRequest(expected), error);
    }

    [Fact]
    public void CredentialsDoNotPrintTheKey()
    {
        Assert.DoesNotContain("SECRET", new EaCredentials(1, "SECRET").ToString(), StringComparison.Ordinal);
    }
}
