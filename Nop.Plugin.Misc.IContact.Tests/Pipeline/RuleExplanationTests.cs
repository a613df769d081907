using Nop.Core.Domain.Customers;
using Nop.Core.Domain.Messages;
using Nop.Core.Domain.Orders;
using Nop.Core.Domain.Payments;
using Nop.Plugin.Misc.IContact.Domain;
using Nop.Plugin.Misc.IContact.Services;

namespace Nop.Plugin.Misc.IContact.Tests.Pipeline;

/// <summary>
/// The simulator explains every condition of every rule, and rules stored before issue 11 mean what they meant
/// </summary>
public class RuleExplanationTests : PipelineTestBase
{
    private void AddOrder(Customer customer, decimal total, int daysAgo) =>
        Orders.InsertAsync(new Order
        {
            CustomerId = customer.Id, StoreId = StoreId, OrderTotal = total, OrderStatus = OrderStatus.Complete, PaymentStatus = PaymentStatus.Paid,
            CreatedOnUtc = Clock.GetUtcNow().UtcDateTime.AddDays(-daysAgo)
        }).Wait();

    [Test]
    public async Task The_simulator_names_each_condition_with_the_values_it_compared()
    {
        var vip = new IcontactRule { Trigger = RuleTrigger.OrderPaid, MinOrderCount = 2, MinTotalSpent = 500m, ListId = VipListId, ListName = "VIP" };
        var winBack = new IcontactRule { CustomerRoleIds = [RegisteredRoleId], LapsedDays = 180, ListId = CustomersListId, ListName = "Win-back", WhenNoLongerMatching = RuleRemoval.LeaveOnList };
        UseRules(vip, winBack);
        var customer = NewCustomer("ann@example.com");
        AddOrder(customer, 200m, daysAgo: 300);
        AddOrder(customer, 100m, daysAgo: 200);

        var verdicts = await Preview().SimulateAsync(StoreId, "ann@example.com");

        Assert.That(verdicts.Select(v => (v.Joins, v.ReasonKey)), Is.EqualTo(new[]
        {
            (false, "Plugins.Misc.IContact.Simulator.SpentTooLittle"),
            (true, "Plugins.Misc.IContact.Simulator.Joins")
        }));
        Assert.That(verdicts[0].Conditions, Is.EqualTo(new[]
        {
            new RuleCondition(RuleReason.NoPaidOrder, true),
            new RuleCondition(RuleReason.TooFewOrders, true, "2", "2"),
            new RuleCondition(RuleReason.SpentTooLittle, false, "500", "300")
        }));
        Assert.That(verdicts[1].Conditions, Is.EqualTo(new[] { new RuleCondition(RuleReason.NotLapsed, true, "180", "200") }));
        Assert.That(verdicts[1].RoleIds, Is.EqualTo(new[] { RegisteredRoleId }));
    }

    [Test]
    public async Task The_simulator_explains_a_newsletter_subscriber_without_an_account()
    {
        UseRules(new IcontactRule { Trigger = RuleTrigger.NewsletterSubscribers, ListId = NewsletterListId, ListName = "Newsletter" }, CustomersRule);
        Newsletters.Add(new NewsLetterSubscription { Email = "guest@example.com", StoreId = StoreId, TypeId = NewsletterTypeId, Active = true });

        var verdicts = await Preview().SimulateAsync(StoreId, "guest@example.com");

        Assert.That(verdicts.Select(v => (v.Joins, v.ReasonKey)), Is.EqualTo(new[]
        {
            (true, "Plugins.Misc.IContact.Simulator.JoinsAnyone"),
            (false, "Plugins.Misc.IContact.Simulator.NoRole")
        }));
        Assert.That(await Preview().SimulateAsync(StoreId, "nobody@example.com"), Is.Null);
    }

    [Test]
    public async Task The_simulator_explains_the_address_of_a_deleted_customer_as_a_guest()
    {
        UseRules(new IcontactRule { Trigger = RuleTrigger.NewsletterSubscribers, ListId = NewsletterListId, ListName = "Newsletter" }, CustomersRule);
        NewCustomer("ann@example.com", true, RegisteredRoleId).Deleted = true;
        Newsletters.Add(new NewsLetterSubscription { Email = "ann@example.com", StoreId = StoreId, TypeId = NewsletterTypeId, Active = true });

        var verdicts = await Preview().SimulateAsync(StoreId, "ann@example.com");

        Assert.That(verdicts.Select(v => (v.Joins, v.ReasonKey)), Is.EqualTo(new[]
        {
            (true, "Plugins.Misc.IContact.Simulator.JoinsAnyone"),
            (false, "Plugins.Misc.IContact.Simulator.NoRole")
        }), "as delivery judges it: the deleted account's roles no longer count");
    }

    [Test]
    public async Task A_rule_stored_before_issue_11_means_what_it_meant()
    {
        //a row as 1.1 before issue 11 wrote it (and as the 1.0 migration moved it): no trigger, conditions or removal
        RuleRows.DeleteAsync(row => true).Wait();
        RuleRows.InsertAsync(new IcontactRuleRecord
        {
            StoreId = 0, RuleId = "old", DisplayOrder = 0,
            RuleJson = $$"""{"id":"old","customerRoleIds":[{{VipRoleId}}],"requireNewsletter":false,"newsletterTypeId":0,"listId":"{{VipListId}}","listName":"VIP","subscriptionStatus":"normal","enabled":true}"""
        }).Wait();
        var rule = (await Rules().GetRulesAsync(StoreId)).Single();
        Assert.That((rule.Trigger, rule.WhenNoLongerMatching, rule.MinOrderCount, rule.MinTotalSpent, rule.LapsedDays, rule.HasCatalogFilter),
            Is.EqualTo((RuleTrigger.Customers, RuleRemoval.Unsubscribe, 0, 0m, 0, false)));

        //as before: the role puts the customer on the list, and taking it away unsubscribes
        var customer = NewCustomer("ann@example.com", true, RegisteredRoleId, VipRoleId);
        await Consumer().HandleEventAsync(new CustomerRegisteredEvent(customer));
        await DeliverAllAsync();
        Assert.That(StatusOn("ann@example.com", VipListId), Is.EqualTo("normal"));

        Roles[customer.Id] = [RegisteredRoleId];
        await Consumer().HandleEventAsync(new Nop.Core.Events.EntityDeletedEvent<CustomerCustomerRoleMapping>(new CustomerCustomerRoleMapping { CustomerId = customer.Id, CustomerRoleId = VipRoleId }));
        await DeliverAllAsync();
        Assert.That(StatusOn("ann@example.com", VipListId), Is.EqualTo("unsubscribed"));
    }
}
