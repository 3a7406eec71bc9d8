using System.ComponentModel.DataAnnotations;

namespace NgTradingBot.Core.Access;

/// <summary>
/// Who may call Core's API. The operator key manages accounts and strategy keys; the service key is the
/// gateway's own, for the internal EA routes only. The AppHost generates both on the first run and keeps them
/// in its data folder; a deployment supplies them as secrets.
/// </summary>
public sealed class AccessOptions
{
    public const string SectionName = "Access";

    public const int MinimumKeyLength = 24;

    [Required(ErrorMessage = "Access:OperatorKey is required (the AppHost generates one; a deployment sets it as a secret).")]
    [MinLength(MinimumKeyLength, ErrorMessage = "Access:OperatorKey must be at least 24 characters.")]
    public string OperatorKey { get; set; } = "";

    [Required(ErrorMessage = "Access:ServiceKey is required (the AppHost generates one; a deployment sets it as a secret).")]
    [MinLength(MinimumKeyLength, ErrorMessage = "Access:ServiceKey must be at least 24 characters.")]
    public string ServiceKey { get; set; } = "";

    /// <summary>How long a Core instance trusts a strategy key it looked up; a revoke on another instance takes effect within this.</summary>
    [Range(typeof(TimeSpan), "00:00:00", "00:05:00")]
    public TimeSpan KeyCacheFor { get; set; } = TimeSpan.FromSeconds(5);
}
