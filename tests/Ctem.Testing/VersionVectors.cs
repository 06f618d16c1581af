namespace Ctem.Testing;

/// <summary>One line of a "semantic-line" vector file: <c>A op B</c> with op one of &lt; = &gt;.</summary>
public sealed record VersionVector(string Left, int Expected, string Right, int Line);

public static class VersionVectors
{
    public static IReadOnlyList<VersionVector> Read(string path)
    {
        var vectors = new List<VersionVector>();
        var number = 0;
        foreach (var line in File.ReadLines(path))
        {
            number++;
            if (line.Length == 0 || line.StartsWith("# ", StringComparison.Ordinal) || line.StartsWith("// ", StringComparison.Ordinal))
            {
                continue;
            }

            var parts = line.Split(' ');
            if (parts.Length != 3)
            {
                throw new FormatException($"{path}:{number}: expected 'A op B'");
            }

            var expected = parts[1] switch
            {
                "<" => -1,
                "=" => 0,
                ">" => 1,
                _ => throw new FormatException($"{path}:{number}: unknown operator '{parts[1]}'"),
            };
            vectors.Add(new VersionVector(parts[0], expected, parts[2], number));
        }

        return vectors;
    }
}
