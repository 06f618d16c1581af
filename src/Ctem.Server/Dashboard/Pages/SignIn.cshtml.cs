using Ctem.Server.Access;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Ctem.Server.Dashboard.Pages;

/// <summary>Sign-in with an API token: checked as the API checks a bearer token, then kept as a session cookie.</summary>
public sealed class SignInModel : PageModel
{
    private readonly DashboardData _data;

    public SignInModel(DashboardData data) => _data = data;

    [BindProperty(SupportsGet = true)]
    public string? ReturnUrl { get; set; }

    public string? Error { get; private set; }

    public void OnGet()
    {
    }

    public async Task<IActionResult> OnPostAsync(string? token)
    {
        var found = string.IsNullOrWhiteSpace(token) ? null : await _data.Engine.Tokens.AuthenticateAsync(token.Trim(), HttpContext.RequestAborted);
        if (found is null)
        {
            Error = "That token is unknown, revoked or expired.";
            var page = Page();
            page.StatusCode = StatusCodes.Status401Unauthorized;
            return page;
        }

        var caller = new Caller(found.Id, found.Team, found.Role);
        await HttpContext.SignInAsync(DashboardSetup.Scheme, caller.ToPrincipal(DashboardSetup.Scheme), new AuthenticationProperties { IsPersistent = false });
        return LocalRedirect(DashboardSetup.LocalOrHome(ReturnUrl));
    }
}
