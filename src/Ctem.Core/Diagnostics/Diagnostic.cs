namespace Ctem.Core.Diagnostics;

public enum DiagnosticSeverity
{
    Unspecified = 0,
    Info,
    Warning,
    Error,
}

/// <summary>
/// A problem found in an input, with where it is: the file (or archive entry) and, where the format
/// gives one, a line and column or a JSON pointer. Bad input is reported this way, never thrown.
/// </summary>
public sealed record Diagnostic(DiagnosticSeverity Severity, string Code, string Message, string Path, string? Location = null)
{
    public static Diagnostic Error(string code, string path, string message, string? location = null) =>
        new(DiagnosticSeverity.Error, code, message, path, location);

    public static Diagnostic Warning(string code, string path, string message, string? location = null) =>
        new(DiagnosticSeverity.Warning, code, message, path, location);

    public bool IsError => Severity == DiagnosticSeverity.Error;

    /// <summary>The one-line form users see: <c>path:location: message</c>.</summary>
    public override string ToString() =>
        Location is null ? $"{Path}: {Message}" : $"{Path}:{Location}: {Message}";
}

/// <summary>Stable codes, so scripts can match on them rather than on message text.</summary>
public static class DiagnosticCodes
{
    public const string InvalidJson = "CTEM001";
    public const string NotCycloneDx = "CTEM002";
    public const string NoComponents = "CTEM003";
    public const string NotOsv = "CTEM004";
    public const string InvalidPurl = "CTEM005";
    public const string UnreadableFile = "CTEM006";
    public const string UnsafeArchive = "CTEM007";
    public const string UnsupportedFormat = "CTEM008";
    public const string UnparsableVersion = "CTEM009";
    public const string NoVersionScheme = "CTEM010";
    /// <summary>Components without a purl: kept in the inventory, never matched.</summary>
    public const string ComponentWithoutPurl = "CTEM011";
    public const string NotAFeed = "CTEM012";
    public const string UndeclaredProduct = "CTEM013";

    /// <summary>A report's record (or a target it could not scan) was left out: the report does not show everything there is.</summary>
    public const string RecordSkipped = "CTEM014";

    /// <summary>Components whose purl type has no advisory ecosystem (pkg:generic, pkg:rpm, …): kept, never matched.</summary>
    public const string ComponentWithoutEcosystem = "CTEM015";

    /// <summary>A scanned ecosystem has no advisories in the knowledge base: none of its packages could have a finding.</summary>
    public const string NoAdvisoriesForEcosystem = "CTEM016";

    /// <summary>A document that looks like a CVE record or NVD response but lacks what one must have.</summary>
    public const string NotACveRecord = "CTEM020";

    /// <summary>A VEX statement the format's specification forbids (not_affected without a justification or impact statement, …): not imported.</summary>
    public const string InvalidVexStatement = "CTEM030";

    /// <summary>Active discovery or validation found nothing it may contact: no <c>scope.allow</c>, no target in it, or a bad option.</summary>
    public const string OutOfScope = "CTEM040";

    /// <summary>A validation check that cannot be loaded: unreadable, not of the documented format, unsafe or not declared safe.</summary>
    public const string InvalidCheck = "CTEM041";
}
