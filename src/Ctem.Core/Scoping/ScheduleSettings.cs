namespace Ctem.Core.Scoping;

/// <summary>
/// The continuous jobs <c>ctem serve</c> runs (<c>schedules:</c> in the scope file): knowledge updates, re-scans of
/// configured sources and notifications, each on a Quartz cron expression in a time zone.
/// </summary>
public sealed record ScheduleSettings(IReadOnlyList<ScheduledDbUpdate> DbUpdates, IReadOnlyList<ScheduledRescan> Rescans, ScheduledNotify? Notify)
{
    public static ScheduleSettings None { get; } = new([], [], null);

    /// <summary>Every schedule, in file order: updates, re-scans, then notifications.</summary>
    public IEnumerable<Schedule> All => DbUpdates.Cast<Schedule>().Concat(Rescans).Concat(Notify is null ? [] : [Notify]);

    /// <summary>The schedule whose <see cref="Schedule.Key"/> is <paramref name="key"/>, or null.</summary>
    public Schedule? Find(string key) => All.FirstOrDefault(s => string.Equals(s.Key, key, StringComparison.Ordinal));
}

/// <summary>When a job runs: a Quartz cron expression (seconds first) in an IANA time zone.</summary>
public sealed record CronSchedule(string Expression, string TimeZone)
{
    public const string DefaultTimeZone = "UTC";
}

/// <summary>One scheduled job. <see cref="Key"/> names it in the job store and in <c>job_runs</c>; it is the same on every node reading the same file.</summary>
public abstract record Schedule(string Key, CronSchedule Cron)
{
    /// <summary>What the job does, as text: a node replaces a stored job whose definition differs from its own.</summary>
    public abstract string Definition { get; }
}

/// <summary>
/// <c>ctem db update</c> on a schedule. Empty lists and null URLs mean the command's defaults; URLs name mirrors (a
/// loopback one in tests).
/// </summary>
public sealed record ScheduledDbUpdate(string Key, CronSchedule Cron, IReadOnlyList<string> Sources, IReadOnlyList<string> Ecosystems) : Schedule(Key, Cron)
{
    /// <summary>Mirror URLs by source name (osv, kev, epss, cve, nvd); a source not named here is fetched from its official URL.</summary>
    public IReadOnlyDictionary<string, string> Urls { get; init; } = new Dictionary<string, string>(StringComparer.Ordinal);

    public int Retries { get; init; } = 3;

    public override string Definition =>
        $"db-update {Cron.Expression} {Cron.TimeZone} sources={string.Join(',', Sources)} ecosystems={string.Join(',', Ecosystems)} urls={string.Join(',', Urls.OrderBy(u => u.Key, StringComparer.Ordinal).Select(u => $"{u.Key}={u.Value}"))} retries={Retries}";
}

/// <summary>
/// <c>ctem scan PATH --product P --source S</c> on a schedule: <see cref="Paths"/> are SBOM files or directories; a
/// <see cref="Url"/> is downloaded (with retries) and scanned instead.
/// </summary>
public sealed record ScheduledRescan(string Key, CronSchedule Cron, string Product, string Source, IReadOnlyList<string> Paths, Uri? Url) : Schedule(Key, Cron)
{
    public int Retries { get; init; } = 3;

    public override string Definition =>
        $"rescan {Cron.Expression} {Cron.TimeZone} product={Product} source={Source} paths={string.Join(',', Paths)} url={Url} retries={Retries}";

    /// <summary>The job key of the re-scan of <paramref name="product"/>'s <paramref name="source"/>: one schedule each.</summary>
    public static string KeyOf(string product, string source) => $"rescan:{product}:{source}";
}

/// <summary><c>ctem notify</c> on a schedule: SLA breaches and due dates, and every other event the channels take.</summary>
public sealed record ScheduledNotify(string Key, CronSchedule Cron) : Schedule(Key, Cron)
{
    public const string JobKey = "notify";

    public override string Definition => $"notify {Cron.Expression} {Cron.TimeZone}";
}
