namespace Ctem.Core.Scoring;

/// <summary>The metric group a CVSS metric belongs to; v4.0's threat group maps to <see cref="Temporal"/>.</summary>
internal enum CvssMetricGroup
{
    Base,
    Temporal,
    Environmental,
    Supplemental,
}
