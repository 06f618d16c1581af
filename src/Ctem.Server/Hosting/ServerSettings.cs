namespace Ctem.Server.Hosting;

/// <summary>
/// What the server is started with: by <c>ctem serve</c> from its options, or from configuration (<c>Ctem:Database</c>, …)
/// when the server assembly is started on its own, as tests do.
/// </summary>
public sealed record ServerSettings(string Database)
{
    public const string Section = "Ctem";

    /// <summary>The defaults of every setting but the database.</summary>
    public static ServerSettings Defaults { get; } = new("(none)");

    /// <summary>Where to listen (<c>--urls</c>); null for ASP.NET Core's configuration (<c>ASPNETCORE_URLS</c>, else http://localhost:5000).</summary>
    public string? Urls { get; init; }

    /// <summary>
    /// The scope file (<c>--scope</c>), read once at start: its <c>schedules:</c> are the continuous jobs this server runs,
    /// and it gives the acceptance policy of <c>accept</c> and the VEX author and supplier of the VEX export; null for none.
    /// </summary>
    public string? ScopeFile { get; init; }

    /// <summary>The largest request body (an SBOM, a report) taken, in bytes.</summary>
    public long MaxBodyBytes { get; init; } = 64 * 1024 * 1024;

    /// <summary>Requests per minute one token (or one address, before authentication) may make.</summary>
    public int RequestsPerMinute { get; init; } = 600;

    /// <summary>How often a node of a cluster (PostgreSQL) records that it is alive.</summary>
    public TimeSpan ClusterCheckinInterval { get; init; } = TimeSpan.FromSeconds(5);

    /// <summary>How long past a missed check-in the other nodes wait before recovering a node's jobs: longer than the worst pause of a live node.</summary>
    public TimeSpan ClusterCheckinMisfireThreshold { get; init; } = TimeSpan.FromSeconds(15);

    /// <summary>How long a stopping server lets requests in flight (a scan) finish; past it they are cancelled and roll back.</summary>
    public TimeSpan ShutdownTimeout { get; init; } = TimeSpan.FromSeconds(30);
}
