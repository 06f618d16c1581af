using System.Diagnostics;

namespace Ctem.Bench;

/// <summary>Times a command as a whole process, started afresh each run after one warm-up, and prints a table row with its goal.</summary>
internal static class WholeProcess
{
    public static async Task RowAsync(string ctem, string label, string[] arguments, int runs, TimeSpan goal)
    {
        await RunOnceAsync(ctem, arguments);
        var times = new List<TimeSpan>();
        for (var i = 0; i < runs; i++)
        {
            times.Add(await RunOnceAsync(ctem, arguments));
        }

        times.Sort();
        var median = times[times.Count / 2];
        var verdict = median < goal ? "met" : "not met";
        Console.WriteLine($"| {label} | {median.TotalMilliseconds:F0} ms | {times[0].TotalMilliseconds:F0} ms | < {goal.TotalMilliseconds:F0} ms: {verdict} |");
    }

    private static async Task<TimeSpan> RunOnceAsync(string ctem, string[] arguments)
    {
        var start = new ProcessStartInfo(ctem) { RedirectStandardOutput = true, RedirectStandardError = true };
        foreach (var argument in arguments)
        {
            start.ArgumentList.Add(argument);
        }

        var watch = Stopwatch.StartNew();
        using var process = Process.Start(start) ?? throw new InvalidOperationException($"cannot start {ctem}");
        var output = process.StandardOutput.ReadToEndAsync();
        var error = process.StandardError.ReadToEndAsync();
        await process.WaitForExitAsync();
        var elapsed = watch.Elapsed;
        if (process.ExitCode is not (0 or 1))
        {
            throw new InvalidOperationException($"{ctem} {string.Join(' ', arguments)} exited {process.ExitCode}: {await error}");
        }

        _ = await output;
        return elapsed;
    }
}
