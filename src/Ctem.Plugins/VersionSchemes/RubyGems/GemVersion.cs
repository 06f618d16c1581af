using Ctem.Core.Versioning;

namespace Ctem.Plugins.VersionSchemes.RubyGems;

internal sealed class GemVersion(string text, GemSegment[] segments) : ISchemeVersion
{
    public string Text => text;

    private GemSegment[] Segments => segments;

    public int CompareTo(ISchemeVersion? other)
    {
        if (other is not GemVersion that)
        {
            throw new InvalidOperationException($"cannot compare a RubyGems version with {other?.GetType().Name ?? "null"}");
        }

        // Gem::Version pads the shorter side with 0, so "1.a" < "1" (a < 0) while "1.1" > "1".
        for (var i = 0; i < Math.Max(segments.Length, that.Segments.Length); i++)
        {
            var left = i < segments.Length ? segments[i] : GemSegment.Zero;
            var right = i < that.Segments.Length ? that.Segments[i] : GemSegment.Zero;
            var order = left.CompareTo(right);
            if (order != 0)
            {
                return order;
            }
        }

        return 0;
    }
}
