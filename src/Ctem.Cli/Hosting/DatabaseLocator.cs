namespace Ctem.Cli.Hosting;

/// <summary>
/// Which database to use: <c>--db</c>, else <c>CTEM_DB</c>, else a SQLite file in the user's data directory
/// (<c>$XDG_DATA_HOME/ctem/ctem.db</c>, else <c>~/.local/share/ctem/ctem.db</c>). <c>ctem demo</c> keeps its own
/// database beside that place, as <c>demo.db</c>.
/// </summary>
public static class DatabaseLocator
{
    public const string EnvironmentVariable = "CTEM_DB";

    public static string Resolve(string? option, Func<string, string?> environment)
    {
        if (!string.IsNullOrWhiteSpace(option))
        {
            return option;
        }

        if (environment(EnvironmentVariable) is { Length: > 0 } fromEnvironment)
        {
            return fromEnvironment;
        }

        return Path.Combine(DataDirectory(environment), "ctem.db");
    }

    /// <summary>The demo's SQLite file: <c>$XDG_DATA_HOME/ctem/demo.db</c>, else <c>~/.local/share/ctem/demo.db</c>.</summary>
    public static string DemoDatabase(Func<string, string?> environment) => Path.Combine(DataDirectory(environment), "demo.db");

    private static string DataDirectory(Func<string, string?> environment)
    {
        var dataHome = environment("XDG_DATA_HOME");
        if (string.IsNullOrWhiteSpace(dataHome))
        {
            var home = environment("HOME") is { Length: > 0 } h ? h : System.Environment.GetFolderPath(System.Environment.SpecialFolder.UserProfile);
            dataHome = Path.Combine(home, ".local", "share");
        }

        return Path.Combine(dataHome, "ctem");
    }
}
