namespace Ctem.Core.Scoring;

/// <summary>The qualitative severity rating scales of the CVSS versions.</summary>
internal static class CvssSeverityScale
{
    /// <summary>NVD's v2.0 scale: 0.0-3.9 Low, 4.0-6.9 Medium, 7.0-10.0 High (v2.0 has no None or Critical).</summary>
    public static CvssSeverity V2(double score) => score switch
    {
        < 4.0 => CvssSeverity.Low,
        < 7.0 => CvssSeverity.Medium,
        _ => CvssSeverity.High,
    };

    /// <summary>The v3.x and v4.0 scale: 0.0 None, 0.1-3.9 Low, 4.0-6.9 Medium, 7.0-8.9 High, 9.0-10.0 Critical.</summary>
    public static CvssSeverity V3AndLater(double score) => score switch
    {
        <= 0.0 => CvssSeverity.None,
        < 4.0 => CvssSeverity.Low,
        < 7.0 => CvssSeverity.Medium,
        < 9.0 => CvssSeverity.High,
        _ => CvssSeverity.Critical,
    };
}
