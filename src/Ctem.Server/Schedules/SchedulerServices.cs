using Ctem.Core.Scoping;
using Ctem.Server.Hosting;
using Ctem.Storage;
using Quartz;

namespace Ctem.Server.Schedules;

/// <summary>
/// Quartz.NET inside <c>ctem serve</c>, when the scope file has schedules. On PostgreSQL the clustered ADO.NET job store
/// (its QRTZ_ tables come with our migrations): every node on the database shares the triggers, each fires once, and a
/// node's unfinished jobs are recovered by another when it stops checking in. On SQLite the in-memory store: one node.
/// </summary>
internal static class SchedulerServices
{
    public static void Add(IServiceCollection services, ServerSettings settings, ScopeDocument scope, TimeProvider time)
    {
        if (!scope.Schedules.All.Any())
        {
            return;
        }

        var node = ScheduleNode.ForThisProcess();
        services.AddSingleton(node);
        services.AddQuartz(quartz =>
        {
            quartz.UseTimeProvider(time);
            quartz.ConfigureScheduler(options =>
            {
                options.InstanceName = "ctem";
                options.InstanceId = node.Id;
            });
            if (CtemStoreFactory.PostgresConnectionString(settings.Database) is { } connectionString)
            {
                quartz.UsePersistentStore(store =>
                {
                    store.UsePostgres(connectionString);
                    store.UseClustering(cluster =>
                    {
                        cluster.CheckinInterval = settings.ClusterCheckinInterval;
                        cluster.CheckinMisfireThreshold = settings.ClusterCheckinMisfireThreshold;
                    });
                });
            }
            else
            {
                quartz.UseInMemoryStore(_ => { });
            }
        });

        // After the store (migrations create Quartz's tables), before the scheduler starts.
        services.AddHostedService<ScheduleRegistrar>();
        services.AddQuartzHostedService(options => options.WaitForJobsToComplete = true);
    }
}
