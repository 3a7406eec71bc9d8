using System.Security.Cryptography;

namespace NgTradingBot.AppHost;

/// <summary>A generated secret kept in the data folder (readable by its owner only), so every run of this checkout uses the same one.</summary>
public static class SecretFile
{
    public static string ReadOrCreate(string path, int randomBytes = 16)
    {
        if (File.Exists(path))
        {
            return File.ReadAllText(path).Trim();
        }
        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        var secret = Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(randomBytes));
        File.WriteAllText(path, secret);
        if (!OperatingSystem.IsWindows())
        {
            File.SetUnixFileMode(path, UnixFileMode.UserRead | UnixFileMode.UserWrite);
        }
        return secret;
    }
}
