using System.Net;
using System.Text.RegularExpressions;

namespace NgTradingBot.IntegrationTests.Ui;

/// <summary>Web's pages over plain HTTP, as a browser without JavaScript would: its own cookies, no redirects followed.</summary>
public sealed partial class WebSession(Uri webUrl) : IDisposable
{
    public const string AuthCookie = "ngtradingbot.operator";

    private readonly CookieContainer _cookies = new();
    private HttpClient? _http;

    public HttpClient Http => _http ??= new HttpClient(new HttpClientHandler { AllowAutoRedirect = false, CookieContainer = _cookies }) { BaseAddress = webUrl };

    public bool IsSignedIn => _cookies.GetCookies(webUrl).Any(c => c.Name == AuthCookie);

    /// <summary>The hidden fields of the page's first form (the antiforgery token, Blazor's form name).</summary>
    public async Task<Dictionary<string, string>> HiddenFieldsAsync(string path)
    {
        var html = await Http.GetStringAsync(path);
        return HiddenInput().Matches(html).ToDictionary(m => WebUtility.HtmlDecode(m.Groups["name"].Value), m => WebUtility.HtmlDecode(m.Groups["value"].Value));
    }

    /// <summary>Posts the sign-in form; <paramref name="withToken"/> false leaves the antiforgery token out.</summary>
    public async Task<HttpResponseMessage> SignInAsync(string key, bool withToken = true)
    {
        var fields = await HiddenFieldsAsync("/signin");
        if (!withToken)
        {
            fields.Remove("__RequestVerificationToken");
        }
        fields["Input.Key"] = key;
        return await Http.PostAsync("/signin", new FormUrlEncodedContent(fields));
    }

    [GeneratedRegex("""<input type="hidden" name="(?<name>[^"]+)" value="(?<value>[^"]*)"\s*/?>""")]
    private static partial Regex HiddenInput();

    public void Dispose() => _http?.Dispose();
}
