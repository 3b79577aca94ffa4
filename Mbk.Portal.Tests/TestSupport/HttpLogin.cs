using System.Net;
using System.Text.RegularExpressions;

namespace Mbk.Portal.Tests.TestSupport;

/// <summary>Signs in through the real login form (antiforgery token included), as a browser would.</summary>
public static partial class HttpLogin
{
    public static async Task<HttpResponseMessage> PostLoginAsync(HttpClient client, string email, string password, string? returnUrl = null)
    {
        var page = await client.GetStringAsync(new Uri("/login", UriKind.Relative));
        var token = AntiforgeryField().Match(page);
        token.Success.ShouldBeTrue("the login form has an antiforgery token");
        var form = new Dictionary<string, string>
        {
            ["__RequestVerificationToken"] = WebUtility.HtmlDecode(token.Groups["value"].Value),
            ["_handler"] = "login",
            ["Input.Email"] = email,
            ["Input.Password"] = password,
            ["ReturnUrl"] = returnUrl ?? string.Empty,
        };
        using var content = new FormUrlEncodedContent(form);
        return await client.PostAsync(new Uri("/login", UriKind.Relative), content);
    }

    [GeneratedRegex("name=\"__RequestVerificationToken\"[^>]*value=\"(?<value>[^\"]+)\"")]
    private static partial Regex AntiforgeryField();
}
