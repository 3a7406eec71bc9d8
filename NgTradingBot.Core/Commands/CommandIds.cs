using System.Security.Cryptography;

namespace NgTradingBot.Core.Commands;

/// <summary>
/// Command ids: <c>cmd_</c> and 24 letters or digits (143 random bits). The EA echoes the id as raw text
/// in its response, so the alphabet avoids everything its parser could misread.
/// </summary>
public static class CommandIds
{
    private const string Alphabet = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789";

    public static string New() => "cmd_" + RandomNumberGenerator.GetString(Alphabet, 24);
}
