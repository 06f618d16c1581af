using System.Collections.Concurrent;
using Ctem.Core.Diagnostics;
using Ctem.Core.Extensibility;
using Ctem.Core.Model;
using Ctem.Core.Stores;
using Ctem.Engine.Discovery.Active;
using Ctem.Engine.Knowledge;
using Ctem.Engine.Prioritization;
using Ctem.Engine.Validation.Checks;

namespace Ctem.Engine.Validation;

/// <summary>
/// <c>ctem validate</c>: runs the safe checks that validate the products' open findings against the in-scope targets of
/// those products' deployments, and records each outcome as evidence on the findings (<c>validated</c>,
/// <c>not-reproduced</c>, <c>error</c>), with a history event. Every connection goes through <see cref="ScopedNetwork"/>:
/// the scope, the pace, the timeout and the budget are discover's. Validated findings are re-assessed: a reproduced
/// exposure is a public proof of concept for SSVC.
/// </summary>
public sealed class ExposureValidator(ICtemStore store, IServiceProbe? tlsProbe, IHostResolver resolver, TimeProvider time)
{
    public async Task<ValidationReport> ValidateAsync(ValidationRequest request, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        var load = CheckLoader.BuiltIn();
        if (request.Scope.Validation.Checks is { } directory)
        {
            load = load.Then(CheckLoader.Directory(Path.GetFullPath(directory, request.ScopeDirectory ?? Directory.GetCurrentDirectory())));
        }

        if (load.Diagnostics.Any(d => d.IsError))
        {
            // A check that cannot be read as written is not run in some other way: nothing is contacted until all are sound.
            return Refused("", load) with { Diagnostics = load.Diagnostics };
        }

        if (request.Scope.Network.Allow.Count == 0)
        {
            return Refused("the scope file has no scope.allow, so nothing may be contacted; add scope: {allow: [...]} naming the hosts, addresses or ranges validation may reach", load);
        }

        var checks = load.Checks;
        if (request.CheckId is { } only)
        {
            checks = [.. checks.Where(c => c.Id == only)];
            if (checks.Count == 0)
            {
                return Refused($"no check '{only}'; the checks are {string.Join(", ", load.Checks.Select(c => c.Id).Order(StringComparer.Ordinal))}", load);
            }
        }

        IReadOnlyList<StoredFinding> findings;
        string? product = request.Product;
        if (request.Retest is { } id)
        {
            findings = await store.GetFindingsAsync(new FindingFilter(null, FindingStatusFilter.All) { Ids = [id] }, cancellationToken);
            if (findings.Count == 0)
            {
                return Refused($"no finding {id}", load);
            }

            product = findings[0].Product;
            if (!checks.Any(c => c.ValidatesAny(findings[0].Vulnerability.Id, findings[0].Vulnerability.Aliases)))
            {
                return Refused($"no check validates finding {id} ({findings[0].Vulnerability.Id}); 'ctem validate --check ID --product {product}' runs a check regardless", load);
            }
        }
        else
        {
            findings = await store.GetFindingsAsync(new FindingFilter(product, FindingStatusFilter.Open), cancellationToken);
        }

        if (product is not null && request.Scope.FindProduct(product) is null)
        {
            return Refused($"the scope file has no product '{product}'", load);
        }

        var network = new ScopedNetwork(request.Scope.Network, resolver, new ConnectionPacer(request.Rate, time), request.Timeout, time);
        var (plan, refused) = await PlanAsync(request, product, checks, findings, network, cancellationToken);
        if (plan.Count == 0)
        {
            var why = request.Retest is not null || request.CheckId is not null
                ? "no in-scope deployment target to run the check against (deployments[].targets inside scope.allow)"
                : "no check validates an open finding of " + (product is null ? "any product" : $"product '{product}'") + "; 'ctem validate --check ID --product P' runs one regardless";
            var empty = new ValidationReport(OperationStatus.Succeeded, [], [], [], []) { Refused = refused, ChecksLoaded = load.Checks.Count, DryRun = request.DryRun };
            return request.Retest is not null || request.CheckId is not null
                ? empty with { Status = OperationStatus.Failed, UsageError = true, Diagnostics = [Diagnostic.Error(DiagnosticCodes.OutOfScope, "ctem.yaml", why)] }
                : empty with { Diagnostics = [Diagnostic.Warning(DiagnosticCodes.OutOfScope, "ctem.yaml", why)] };
        }

        if (request.DryRun)
        {
            return new ValidationReport(OperationStatus.Succeeded, plan, [], [], []) { DryRun = true, Refused = refused, ChecksLoaded = load.Checks.Count };
        }

        var results = new ConcurrentBag<CheckResult>();
        var executor = new CheckExecutor(network, tlsProbe);
        var exhausted = false;
        using (var budget = new CancellationTokenSource(request.Budget, time))
        using (var linked = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken, budget.Token))
        {
            var work = plan.SelectMany(p => p.Targets.Select(t => (p.Check, Target: t))).DistinctBy(w => (w.Check.Id, w.Target.Text)).ToList();
            try
            {
                await Parallel.ForEachAsync(work, new ParallelOptions { MaxDegreeOfParallelism = request.Concurrency, CancellationToken = linked.Token }, async (item, token) =>
                    results.Add(await executor.RunAsync(item.Check, item.Target, token)));
            }
            catch (OperationCanceledException) when (budget.IsCancellationRequested && !cancellationToken.IsCancellationRequested)
            {
                exhausted = true;
            }
        }

        var ordered = results.OrderBy(r => r.Check.Id, StringComparer.Ordinal).ThenBy(r => r.Target.Text, StringComparer.Ordinal).ToList();
        var evidence = Evidence(plan, ordered, request.Retest is not null);
        var stored = await store.RecordValidationAsync(evidence, cancellationToken);
        foreach (var changed in stored.Select(e => e.Product).Distinct(StringComparer.Ordinal))
        {
            await Reprioritizer.RunAsync(store, time, cancellationToken, changed);
        }

        return new ValidationReport(exhausted ? OperationStatus.Partial : OperationStatus.Succeeded, plan, ordered, stored, [])
        {
            Refused = [.. refused.Concat(network.Refused).Distinct(StringComparer.Ordinal)],
            Connections = network.Connections,
            BudgetExhausted = exhausted,
            ChecksLoaded = load.Checks.Count,
        };
    }

    private static async Task<(IReadOnlyList<PlannedCheck> Plan, IReadOnlyList<string> Refused)> PlanAsync(
        ValidationRequest request, string? product, IReadOnlyList<ValidationCheck> checks, IReadOnlyList<StoredFinding> findings, ScopedNetwork network, CancellationToken cancellationToken)
    {
        var plan = new List<PlannedCheck>();
        var refused = new List<string>();
        var products = request.Scope.Products.Where(p => product is null || p.Name == product).Select(p => p.Name).ToList();
        foreach (var name in products)
        {
            foreach (var check in checks)
            {
                var validated = findings.Where(f => f.Product == name && check.ValidatesAny(f.Vulnerability.Id, f.Vulnerability.Aliases)).ToList();
                if (validated.Count == 0 && request.CheckId != check.Id)
                {
                    continue;
                }

                var hosts = await DiscoveryPlan.CreateAsync(request.Scope, name, check.Ports, network, cancellationToken);
                refused.AddRange(hosts.Refused);
                var targets = CheckTargets.Of(check, hosts.Hosts);
                var narrowed = CheckTargets.Narrow(targets, validated);
                if (narrowed.Count > 0)
                {
                    plan.Add(new PlannedCheck(check, name, validated, narrowed));
                }
            }
        }

        return (plan, [.. refused.Distinct(StringComparer.Ordinal)]);
    }

    private IReadOnlyList<NewValidationEvidence> Evidence(IReadOnlyList<PlannedCheck> plan, IReadOnlyList<CheckResult> results, bool retest)
    {
        var now = time.GetUtcNow();
        var evidence = new List<NewValidationEvidence>();
        foreach (var planned in plan)
        {
            foreach (var finding in planned.Findings)
            {
                var mine = CheckTargets.Narrow(planned.Targets, [finding]).Select(t => t.Text).ToHashSet(StringComparer.Ordinal);
                var outcomes = results.Where(r => r.Check.Id == planned.Check.Id && mine.Contains(r.Target.Text)).ToList();
                var best = outcomes.FirstOrDefault(r => r.Outcome == ValidationOutcome.Validated)
                    ?? outcomes.FirstOrDefault(r => r.Outcome == ValidationOutcome.NotReproduced)
                    ?? outcomes.FirstOrDefault();
                if (best is not null)
                {
                    evidence.Add(new NewValidationEvidence(finding.Id, planned.Check.Id, best.Outcome, now, best.Target.Text, best.Detail, best.Excerpt) { Retest = retest });
                }
            }
        }

        return evidence;
    }

    private static ValidationReport Refused(string message, CheckLoad load) =>
        new(OperationStatus.Failed, [], [], [], message.Length == 0 ? [] : [Diagnostic.Error(DiagnosticCodes.OutOfScope, "ctem.yaml", message)])
        {
            UsageError = true,
            ChecksLoaded = load.Checks.Count,
        };
}
