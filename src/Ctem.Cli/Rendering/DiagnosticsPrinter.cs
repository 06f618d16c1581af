using Ctem.Core.Diagnostics;

namespace Ctem.Cli.Rendering;

/// <summary>Diagnostics to stderr, one line each (<c>path:place: message</c>), capped so a bad archive cannot flood the terminal.</summary>
public static class DiagnosticsPrinter
{
    private const int MaxLines = 50;

    public static void Write(TextWriter stderr, IReadOnlyList<Diagnostic> diagnostics)
    {
        foreach (var diagnostic in diagnostics.Take(MaxLines))
        {
            stderr.WriteLine($"{Label(diagnostic.Severity)}: {diagnostic}");
        }

        if (diagnostics.Count > MaxLines)
        {
            stderr.WriteLine($"… and {diagnostics.Count - MaxLines} more (use --format json to see them all)");
        }
    }

    private static string Label(DiagnosticSeverity severity) => severity switch
    {
        DiagnosticSeverity.Error => "error",
        DiagnosticSeverity.Warning => "warning",
        _ => "info",
    };
}
