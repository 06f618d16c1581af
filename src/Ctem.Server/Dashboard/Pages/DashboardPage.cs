using Ctem.Server.Access;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Ctem.Server.Dashboard.Pages;

/// <summary>What every signed-in page has: the caller (from the session cookie) and the data read through its team.</summary>
public abstract class DashboardPage : PageModel
{
    private protected DashboardPage(DashboardData data) => Data = data;

    private protected DashboardData Data { get; }

    /// <summary>The signed-in caller; the folder's authorization policy guarantees one.</summary>
    public Caller Caller => Caller.From(User) ?? throw new InvalidOperationException("a dashboard page ran without a session");

    /// <summary>The page says what was not found (another team's product or finding looks the same as none).</summary>
    public string? Missing { get; private set; }

    private protected IActionResult NotFoundPage(string what)
    {
        Missing = what;
        ViewData["Title"] = "Not found";
        var result = Page();
        result.StatusCode = StatusCodes.Status404NotFound;
        return result;
    }
}
