using System.Reflection;
using Nop.Data;
using Nop.Plugin.Misc.IContact.Api;
using Nop.Plugin.Misc.IContact.Domain;
using Nop.Plugin.Misc.IContact.Services;

namespace Nop.Plugin.Misc.IContact.Tests.Infrastructure;

/// <summary>
/// One owner per concept: who may depend on what (constructor dependencies are what NopStartup wires)
/// </summary>
public class OwnershipTests
{
    //the gateway hands what it owns to the connections it opens, as one record
    private static IEnumerable<Type> TypesDependingOn(Type dependency) =>
        typeof(IcontactPlugin).Assembly.GetTypes()
            .Where(type => type != typeof(IcontactStoreConnection.Services))
            .Where(type => type.GetConstructors(BindingFlags.Public | BindingFlags.NonPublic | BindingFlags.Instance)
                .Any(ctor => ctor.GetParameters().Any(p => p.ParameterType == dependency)));

    [Test]
    public void Only_the_gateway_talks_to_the_iContact_client()
    {
        Assert.That(TypesDependingOn(typeof(IcontactHttpClient)), Is.EquivalentTo(new[] { typeof(IcontactGateway) }));
    }

    [Test]
    public void Only_the_queue_classes_query_the_queue_table()
    {
        Assert.That(TypesDependingOn(typeof(IRepository<IcontactQueueItem>)),
            Is.EquivalentTo(new[] { typeof(QueueService), typeof(DeliveryQueue), typeof(InboundQueue), typeof(QueueAdminService) }));
    }

    [Test]
    public void Only_the_request_budget_counts_requests()
    {
        Assert.That(TypesDependingOn(typeof(IRepository<IcontactRequestCount>)), Is.EquivalentTo(new[] { typeof(RequestBudget) }));
        Assert.That(TypesDependingOn(typeof(RequestBudget)), Is.EquivalentTo(new[] { typeof(IcontactGateway) }));
    }

    [Test]
    public void Delivery_depends_on_no_peer_that_drives_it()
    {
        Assert.That(TypesDependingOn(typeof(DeliveryService)), Is.EquivalentTo(new[] { typeof(SynchronizationRunner) }));
    }

    [TestCase(30, false, 30)]
    [TestCase(30, true, 10)]
    [TestCase(0, false, 1)]
    public void One_formula_gives_every_request_its_time_out(int seconds, bool interactive, int expected)
    {
        Assert.That(IcontactGateway.RequestTimeoutOf(new IcontactSettings { RequestTimeoutSeconds = seconds }, interactive), Is.EqualTo(TimeSpan.FromSeconds(expected)));
    }
}
