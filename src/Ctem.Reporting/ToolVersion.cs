using System.Reflection;

namespace Ctem.Reporting;

/// <summary>The version ctem names in the documents it writes; every Ctem assembly carries the same one.</summary>
public static class ToolVersion
{
    public static string Current { get; } =
        typeof(ToolVersion).Assembly.GetCustomAttribute<AssemblyInformationalVersionAttribute>()?.InformationalVersion.Split('+')[0] ?? "0.0.0";
}
