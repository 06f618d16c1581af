using System.IO.Compression;
using Ctem.Core.Stores;
using Ctem.Engine.Discovery;
using Ctem.Engine.Inputs;
using Ctem.Engine.Knowledge;
using Ctem.Plugins;
using Ctem.Storage;
using Ctem.Testing;
using Microsoft.Extensions.Time.Testing;

namespace Ctem.Engine.Tests;

/// <summary>A fresh SQLite store in a temp directory, with the engine services over it.</summary>
internal sealed class EngineFixture : IAsyncDisposable
{
    private readonly TempDirectory _temp = new();

    private EngineFixture(ICtemStore store, FakeTimeProvider time)
    {
        Store = store;
        Time = time;
    }

    public ICtemStore Store { get; }

    public FakeTimeProvider Time { get; }

    public string DemoSbom => Path.Combine(RepoPaths.Samples, "demo", "sbom", "harp-darwin-amd64.sbom.json");

    public string DemoAdvisories => Path.Combine(RepoPaths.Samples, "demo", "advisories");

    public KnowledgeImporter Importer => new(Store, BuiltInPlugins.AdvisoryParsers, BuiltInPlugins.FeedParsers, BuiltInPlugins.CveRecordParsers, BuiltInPlugins.VersionSchemes, new InputReader(InputLimits.Default));

    public ScanRunner Scanner => new(Store, BuiltInPlugins.InventoryParsers, BuiltInPlugins.VersionSchemes, new InputReader(InputLimits.Default), Time);

    public static async Task<EngineFixture> CreateAsync()
    {
        var time = new FakeTimeProvider(new DateTimeOffset(2026, 11, 1, 9, 0, 0, TimeSpan.Zero));
        var temp = Path.Combine(Path.GetTempPath(), $"ctem-engine-{Guid.NewGuid():N}.db");
        var store = await CtemStoreFactory.OpenAsync(temp, time, CancellationToken.None);
        return new EngineFixture(store, time);
    }

    public string File(string name, string content)
    {
        var path = _temp.File(name);
        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        System.IO.File.WriteAllText(path, content);
        return path;
    }

    /// <summary>One record of a shared OSV export (<c>../shared/data/osv/ZIP</c>), written out so it can be imported alone.</summary>
    public string SharedOsvRecord(string zip, string entry)
    {
        using var archive = ZipFile.OpenRead(RepoPaths.SharedData("osv", zip));
        using var reader = new StreamReader(archive.GetEntry(entry)!.Open());
        return File(entry, reader.ReadToEnd());
    }

    public string Zip(string name, params (string Entry, string Content)[] entries)
    {
        var path = _temp.File(name);
        using var archive = ZipFile.Open(path, ZipArchiveMode.Create);
        foreach (var (entry, content) in entries)
        {
            using var writer = new StreamWriter(archive.CreateEntry(entry).Open());
            writer.Write(content);
        }

        return path;
    }

    /// <summary>A CycloneDX SBOM with the given purls as its components.</summary>
    public string Sbom(string name, string product, params string[] purls)
    {
        var components = string.Join(",\n", purls.Select(p => $"    {{\"type\": \"library\", \"name\": \"{p}\", \"purl\": \"{p}\"}}"));
        return File(name, $$$"""
            {
              "bomFormat": "CycloneDX",
              "specVersion": "1.5",
              "metadata": {"component": {"type": "application", "name": "{{{product}}}", "version": "1.0.0"}},
              "components": [
            {{{components}}}
              ]
            }
            """);
    }

    public async Task<ImportReport> ImportAsync(params string[] paths) => await Importer.ImportAsync(paths, null, CancellationToken.None);

    public async Task<ScanReport> ScanAsync(string path, string? product = null, string? source = null) =>
        await Scanner.ScanAsync(new ScanRequest([path], product) { Source = source }, null, CancellationToken.None);

    public async ValueTask DisposeAsync()
    {
        await Store.DisposeAsync();
        _temp.Dispose();
    }
}
