namespace Ctem.Testing;

/// <summary>Where the repository and the shared data set (<c>../shared</c> beside the clone) are.</summary>
public static class RepoPaths
{
    private static readonly Lazy<string> RootPath = new(FindRoot);

    public static string Root => RootPath.Value;

    public static string Samples => Path.Combine(Root, "samples");

    /// <summary><c>$CTEM_SHARED</c>, else <c>../shared</c> beside the repository.</summary>
    public static string Shared =>
        Environment.GetEnvironmentVariable("CTEM_SHARED") is { Length: > 0 } configured
            ? configured
            : Path.GetFullPath(Path.Combine(Root, "..", "shared"));

    public static bool SharedAvailable => Directory.Exists(Path.Combine(Shared, "data"));

    public static string SharedData(params string[] parts) => Path.Combine([Shared, "data", .. parts]);

    public static string SharedVectors(params string[] parts) => Path.Combine([Shared, "vectors", .. parts]);

    /// <summary>Skips the calling test, visibly, when <c>../shared</c> is not there (a clone without it); fails it in CI.</summary>
    public static void RequireShared() =>
        Prerequisite.Require(SharedAvailable ? null : $"it needs the shared data set at {Shared}, which is absent (CI provides it)");

    private static string FindRoot()
    {
        for (var directory = new DirectoryInfo(AppContext.BaseDirectory); directory is not null; directory = directory.Parent)
        {
            if (File.Exists(Path.Combine(directory.FullName, "Ctem.slnx")))
            {
                return directory.FullName;
            }
        }

        throw new InvalidOperationException("Ctem.slnx not found above " + AppContext.BaseDirectory);
    }
}
