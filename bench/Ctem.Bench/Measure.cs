using System.Diagnostics;

namespace Ctem.Bench;

internal static class Measure
{
    public static (T Result, TimeSpan Elapsed) Time<T>(Func<T> work)
    {
        var watch = Stopwatch.StartNew();
        var result = work();
        return (result, watch.Elapsed);
    }

    /// <summary>Processor time of the whole process (all threads, the collector's too): on a loaded machine the steadier figure.</summary>
    public static TimeSpan ProcessorTime()
    {
        using var process = Process.GetCurrentProcess();
        return process.TotalProcessorTime;
    }

    public static async Task<(T Result, TimeSpan Elapsed)> TimeAsync<T>(Func<Task<T>> work)
    {
        var watch = Stopwatch.StartNew();
        var result = await work();
        return (result, watch.Elapsed);
    }
}
