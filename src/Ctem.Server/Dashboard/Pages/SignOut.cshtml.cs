using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Ctem.Server.Dashboard.Pages;

/// <summary>Sign-out: a POST with the anti-forgery token (a link could be followed by anyone's page); ends the session cookie.</summary>
public sealed class SignOutModel : PageModel
{
    public IActionResult OnGet() => LocalRedirect("/");

    public async Task<IActionResult> OnPostAsync()
    {
        await HttpContext.SignOutAsync(DashboardSetup.Scheme);
        return LocalRedirect(DashboardSetup.SignInPath);
    }
}
