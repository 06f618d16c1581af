using System.Globalization;
using System.Reflection;

namespace Ctem.Storage;

/// <summary>The migration scripts embedded in this assembly, per dialect folder, in version order.</summary>
internal static class MigrationCatalog
{
    private static readonly Assembly Assembly = typeof(MigrationCatalog).Assembly;

    public static IReadOnlyList<Migration> For(string folder)
    {
        var prefix = $"{typeof(MigrationCatalog).Namespace}.Migrations.{folder}.";
        var migrations = Assembly.GetManifestResourceNames()
            .Where(n => n.StartsWith(prefix, StringComparison.Ordinal) && n.EndsWith(".sql", StringComparison.Ordinal))
            .Select(n => Load(n, n[prefix.Length..^".sql".Length]))
            .OrderBy(m => m.Version)
            .ToList();

        var duplicate = migrations.GroupBy(m => m.Version).FirstOrDefault(g => g.Count() > 1);
        if (duplicate is not null)
        {
            throw new InvalidOperationException($"two {folder} migrations share version {duplicate.Key}");
        }

        return migrations;
    }

    private static Migration Load(string resource, string fileName)
    {
        var underscore = fileName.IndexOf('_', StringComparison.Ordinal);
        if (underscore <= 0 || !int.TryParse(fileName[..underscore], NumberStyles.None, CultureInfo.InvariantCulture, out var version))
        {
            throw new InvalidOperationException($"migration '{fileName}' is not named NNNN_name.sql");
        }

        return new Migration(version, fileName[(underscore + 1)..], resource);
    }

    /// <summary>A script's text; read only when it is about to run, so checking an up-to-date database reads none.</summary>
    public static string Read(string resource)
    {
        using var stream = Assembly.GetManifestResourceStream(resource)
            ?? throw new InvalidOperationException($"migration resource '{resource}' is missing");
        using var reader = new StreamReader(stream);
        return reader.ReadToEnd();
    }
}
