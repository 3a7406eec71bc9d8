using Microsoft.Extensions.Configuration;

namespace NgTradingBot.ServiceDefaults.Discovery;

/// <summary>
/// Aspire's configuration-based service discovery: <c>http://core</c> resolves through
/// <c>services:core:http:0</c>; <c>https+http://core</c> prefers https and falls back to http.
/// </summary>
public sealed class ServiceEndpointResolver(IConfiguration configuration)
{
    public Uri Resolve(Uri uri)
    {
        var schemes = uri.Scheme.Split('+');
        foreach (var scheme in schemes)
        {
            var endpoint = configuration[$"services:{uri.Host}:{scheme}:0"];
            if (!string.IsNullOrWhiteSpace(endpoint))
            {
                var resolved = new Uri(endpoint);
                return new UriBuilder(uri) { Scheme = resolved.Scheme, Host = resolved.Host, Port = resolved.Port }.Uri;
            }
        }

        // A real host name or an address needs no discovery; a multi-scheme URI must have resolved.
        if (schemes.Length > 1)
        {
            throw new InvalidOperationException(
                $"No endpoint is configured for service '{uri.Host}' (looked for services:{uri.Host}:{{{string.Join(',', schemes)}}}:0).");
        }
        return uri;
    }
}
