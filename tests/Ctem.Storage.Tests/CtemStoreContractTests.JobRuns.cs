using Ctem.Core.Stores;
using Xunit;

namespace Ctem.Storage.Tests;

public abstract partial class CtemStoreContractTests
{
    [SkippableFact]
    public async Task JobRuns_StartedAndFinished_AreListedPerJobInOrder()
    {
        var store = await OpenStoreAsync();
        var fire = StoreData.T0.AddMinutes(1);

        var killed = await store.JobRuns.StartJobRunAsync("rescan:shop:nightly", "node-a", fire, recovering: false, StoreData.T0.AddMinutes(1), Ct);
        var recovered = await store.JobRuns.StartJobRunAsync("rescan:shop:nightly", "node-b", fire, recovering: true, StoreData.T0.AddMinutes(2), Ct);
        var other = await store.JobRuns.StartJobRunAsync("notify", "node-b", fire, recovering: false, StoreData.T0.AddMinutes(2), Ct);
        await store.JobRuns.FinishJobRunAsync(recovered, JobRunStatus.Succeeded, "12 components, 3 findings", StoreData.T0.AddMinutes(3), Ct);
        await store.JobRuns.FinishJobRunAsync(other, JobRunStatus.Failed, "channel hook: HTTP 500", StoreData.T0.AddMinutes(3), Ct);

        Assert.Equal(
            [
                new JobRun(killed, "rescan:shop:nightly", "node-a", fire, false, StoreData.T0.AddMinutes(1), null, JobRunStatus.Running, null),
                new JobRun(recovered, "rescan:shop:nightly", "node-b", fire, true, StoreData.T0.AddMinutes(2), StoreData.T0.AddMinutes(3), JobRunStatus.Succeeded, "12 components, 3 findings"),
            ],
            await store.JobRuns.ListJobRunsAsync("rescan:shop:nightly", Ct));
        Assert.Equal([killed, recovered, other], (await store.JobRuns.ListJobRunsAsync(null, Ct)).Select(r => r.Id));
        Assert.Equal(JobRunStatus.Failed, (await store.JobRuns.ListJobRunsAsync("notify", Ct))[0].Status);
    }
}
