namespace Ctem.Cli;

/// <summary>Process exit codes; documented in docs/cli.md. "Findings found" is not a failure: see <see cref="PolicyFailure"/>.</summary>
public static class ExitCodes
{
    public const int Ok = 0;

    /// <summary>A <c>--fail-on</c> policy was breached.</summary>
    public const int PolicyFailure = 1;

    public const int Usage = 2;

    /// <summary>An input could not be read at all; nothing was stored.</summary>
    public const int BadInput = 3;

    /// <summary>The database could not be opened or written.</summary>
    public const int DatabaseError = 4;

    /// <summary>Completed and stored, but some inputs or records were rejected (reported on stderr).</summary>
    public const int Partial = 5;

    public const int InternalError = 70;

    public const int Cancelled = 130;
}
