using System.Diagnostics;

namespace Ctem.Bench;

/// <summary>The process's peak working set, and the largest GC heap seen (sampled every 50 ms).</summary>
internal sealed class MemoryWatch : IDisposable
{
    private readonly Timer _timer;
    private long _maxHeap;

    public MemoryWatch() => _timer = new Timer(_ => Interlocked.Exchange(ref _maxHeap, Math.Max(Interlocked.Read(ref _maxHeap), GC.GetGCMemoryInfo().HeapSizeBytes)), null, 0, 50);

    public static long PeakWorkingSet
    {
        get
        {
            using var process = Process.GetCurrentProcess();
            return process.PeakWorkingSet64;
        }
    }

    public override string ToString() =>
        $"peak working set {PeakWorkingSet / 1048576.0:F0} MiB, GC heap now {GC.GetGCMemoryInfo().HeapSizeBytes / 1048576.0:F0} MiB (largest seen {Interlocked.Read(ref _maxHeap) / 1048576.0:F0} MiB)";

    public void Dispose() => _timer.Dispose();
}
