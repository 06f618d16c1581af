using System.Diagnostics;

namespace Ctem.Testing;

/// <summary>
/// A program from a Debian package a test compares Ctem with (<c>nmap</c>, <c>testssl</c>, <c>openssl</c>): found on
/// the PATH, run with a time bound. A missing one skips the test here and fails it under <c>CI=true</c> (.ci/run
/// installs them).
/// </summary>
public static class ExternalTool
{
    /// <summary>The program's full path; skips the calling test, or fails it in CI, when it is not installed.</summary>
    public static string Require(string program, string package)
    {
        var path = Find(program);
        Prerequisite.Require(path is null ? $"it needs {program} (Debian package {package}), which is not installed" : null);
        return path!;
    }

    /// <summary>Runs the program to its end, or kills it after <paramref name="limit"/>; its exit code and output.</summary>
    public static async Task<(int ExitCode, string Output)> RunAsync(string path, IReadOnlyList<string> arguments, TimeSpan limit)
    {
        using var process = Process.Start(new ProcessStartInfo(path, arguments) { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false })
            ?? throw new InvalidOperationException($"{path} did not start");
        var stdout = process.StandardOutput.ReadToEndAsync();
        var stderr = process.StandardError.ReadToEndAsync();
        using var timeout = new CancellationTokenSource(limit);
        try
        {
            await process.WaitForExitAsync(timeout.Token);
        }
        catch (OperationCanceledException)
        {
            process.Kill(entireProcessTree: true);
            throw new TimeoutException($"{Path.GetFileName(path)} {string.Join(' ', arguments)} ran longer than {limit.TotalSeconds} s");
        }

        return (process.ExitCode, await stdout + await stderr);
    }

    private static string? Find(string program) =>
        (Environment.GetEnvironmentVariable("PATH") ?? "").Split(Path.PathSeparator, StringSplitOptions.RemoveEmptyEntries)
            .Select(directory => Path.Combine(directory, program))
            .FirstOrDefault(File.Exists);
}
