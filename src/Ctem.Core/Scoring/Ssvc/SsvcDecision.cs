namespace Ctem.Core.Scoring.Ssvc;

/// <summary>An SSVC outcome together with what produced it, so a report can explain the decision.</summary>
public sealed class SsvcDecision
{
    internal SsvcDecision(
        SsvcOutcome outcome, SsvcInputs inputs, string tableId, IReadOnlyList<SsvcSelection> selections, SsvcSelection outcomeSelection)
    {
        Outcome = outcome;
        Inputs = inputs;
        TableId = tableId;
        Selections = selections;
        OutcomeSelection = outcomeSelection;
    }

    public SsvcOutcome Outcome { get; }

    /// <summary>The data's name of the outcome: <c>Track</c>, <c>Track*</c>, <c>Attend</c> or <c>Act</c>.</summary>
    public string OutcomeName => OutcomeSelection.ValueName;

    public SsvcInputs Inputs { get; }

    /// <summary>The decision table used, e.g. <c>cisa:DT_CO:2.0.3</c>.</summary>
    public string TableId { get; }

    /// <summary>The input decision points and their values, in table order.</summary>
    public IReadOnlyList<SsvcSelection> Selections { get; }

    /// <summary>The outcome group and the chosen outcome.</summary>
    public SsvcSelection OutcomeSelection { get; }

    /// <summary>E.g. <c>Exploitation: Active, Automatable: Yes, … -&gt; Act (cisa:DT_CO:2.0.3)</c>.</summary>
    public string Explanation => $"{string.Join(", ", Selections)} -> {OutcomeName} ({TableId})";

    public override string ToString() => Explanation;
}
