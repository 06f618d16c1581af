using System.Reflection;

namespace Ctem.Cli;

/// <summary>The version ctem reports in the documents it writes.</summary>
public static class CliVersion
{
    public static string Current { get; } =
        typeof(CliVersion).Assembly.GetCustomAttribute<AssemblyInformationalVersionAttribute>()?.InformationalVersion.Split('+')[0] ?? "0.0.0";
}
