using Ctem.Testing;
using Microsoft.Playwright;

namespace Ctem.Server.Tests.Dashboard;

/// <summary>
/// Debian's chromium driven by Playwright (never a browser Playwright downloads: this machine and CI are offline),
/// headless, with the background traffic a closed network would stall on turned off.
/// </summary>
internal static class Browser
{
    public const string ExecutablePath = "/usr/bin/chromium";

    public static readonly string[] Arguments =
    [
        "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run", "--disable-background-networking", "--disable-component-update", "--disable-sync",
    ];

    /// <summary>Why no browser can run here (chromium is not installed: <c>apt-get install chromium</c>, as .ci/run does), or null.</summary>
    public static string? UnavailableReason => File.Exists(ExecutablePath) ? null : $"it needs Debian's chromium at {ExecutablePath} (apt-get install chromium; .ci/run installs it)";

    public static async Task<(IPlaywright Playwright, IBrowser Browser)> LaunchAsync()
    {
        Prerequisite.Require(UnavailableReason);
        var playwright = await Playwright.CreateAsync();
        var browser = await playwright.Chromium.LaunchAsync(new BrowserTypeLaunchOptions { ExecutablePath = ExecutablePath, Headless = true, Args = Arguments });
        return (playwright, browser);
    }

    /// <summary>Where screenshots go: the test results directory, where CI keeps them as artifacts.</summary>
    public static string ScreenshotDirectory
    {
        get
        {
            var directory = Path.Combine(RepoPaths.Root, "tests", "Ctem.Server.Tests", "TestResults", "dashboard");
            Directory.CreateDirectory(directory);
            return directory;
        }
    }
}
