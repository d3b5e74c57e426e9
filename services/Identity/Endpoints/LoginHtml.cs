using System.Text.Encodings.Web;
using System.Text.Unicode;

namespace Platform.Identity.Endpoints;

/// <summary>The markup of the login page: Vietnamese labels bound to their inputs, no script.</summary>
public static class LoginHtml
{
    // The default encoder escapes every non-ASCII letter; Vietnamese text stays readable in the source this way.
    private static readonly HtmlEncoder Encoder = HtmlEncoder.Create(UnicodeRanges.All);

    public static string Render(string realmName, string antiforgeryField, string antiforgeryToken, string returnUrl,
        string username, string? error, string? signedInAs, bool signedOut = false)
    {
        var e = Encoder;
        var message = error is null ? "" : $"""<p class="error" role="alert">{e.Encode(error)}</p>""";
        var body = signedOut ? "<p>Bạn đã đăng xuất.</p>"
            : signedInAs is not null
            ? $"""<p>Bạn đã đăng nhập với tên <strong>{e.Encode(signedInAs)}</strong>.</p>"""
            : $"""
              <form method="post" action="">
                {message}
                <input type="hidden" name="{e.Encode(antiforgeryField)}" value="{e.Encode(antiforgeryToken)}">
                <input type="hidden" name="{LoginPage.ReturnUrlParameter}" value="{e.Encode(returnUrl)}">
                <label for="username">Tên đăng nhập</label>
                <input id="username" name="username" type="text" value="{e.Encode(username)}" autocomplete="username" autocapitalize="none" spellcheck="false" required autofocus>
                <label for="password">Mật khẩu</label>
                <input id="password" name="password" type="password" autocomplete="current-password" required>
                <button type="submit">Đăng nhập</button>
              </form>
              """;
        return $$"""
            <!DOCTYPE html>
            <html lang="vi">
            <head>
              <meta charset="utf-8">
              <meta name="viewport" content="width=device-width, initial-scale=1">
              <title>Đăng nhập — {{e.Encode(realmName)}}</title>
              <style>
                body { font-family: system-ui, sans-serif; background: #f3f4f6; margin: 0; }
                main { max-width: 22rem; margin: 10vh auto; background: #fff; padding: 2rem; border-radius: .5rem; box-shadow: 0 1px 4px #0002; }
                h1 { font-size: 1.25rem; margin-top: 0; color: #991b1b; }
                label { display: block; margin-top: 1rem; font-weight: 600; }
                input { width: 100%; box-sizing: border-box; padding: .5rem; margin-top: .25rem; font-size: 1rem; border: 1px solid #6b7280; border-radius: .25rem; }
                input:focus, button:focus { outline: 3px solid #2563eb; outline-offset: 1px; }
                button { margin-top: 1.5rem; width: 100%; padding: .6rem; font-size: 1rem; background: #991b1b; color: #fff; border: 0; border-radius: .25rem; cursor: pointer; }
                .error { color: #991b1b; background: #fee2e2; padding: .5rem; border-radius: .25rem; }
              </style>
            </head>
            <body>
              <main>
                <h1>{{e.Encode(realmName)}}</h1>
                {{body}}
              </main>
            </body>
            </html>
            """;
    }
}
