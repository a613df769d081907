using Nop.Core.Domain.Customers;
using Nop.Core.Domain.Gdpr;
using Nop.Core.Domain.Messages;
using Nop.Plugin.Misc.IContact.Domain;

namespace Nop.Plugin.Misc.IContact.Tests.Pipeline;

/// <summary>
/// Newsletter sign-ups reach iContact whether or not the address has a customer account (issue 11). The storefront's
/// newsletter box (NewsletterController.SubscribeNewsletter in 4.90.6) inserts an inactive row without an event; the
/// activation link sets it active through UpdateNewsLetterSubscriptionAsync, which publishes EmailSubscribedEvent; a
/// deactivation publishes EmailUnsubscribedEvent with the row as it was (still active), a deletion with the row.
/// </summary>
public class GuestNewsletterTests : PipelineTestBase
{
    private IcontactRule NewsletterBoxRule(string status = "normal") => new()
    {
        Trigger = RuleTrigger.NewsletterSubscribers, ListId = NewsletterListId, ListName = "Newsletter", SubscriptionStatus = status
    };

    /// <summary>
    /// The footer box: an inactive row (no event), then the activation link (the row becomes active, then the event)
    /// </summary>
    private async Task<NewsLetterSubscription> GuestConfirmsAsync(string email)
    {
        var row = new NewsLetterSubscription { Email = email, StoreId = StoreId, TypeId = NewsletterTypeId, Active = false };
        Newsletters.Add(row);
        row.Active = true;
        await Consumer().HandleEventAsync(new EmailSubscribedEvent(row));
        return row;
    }

    [Test]
    public async Task A_guest_who_signs_up_in_the_footer_box_joins_the_list_once_confirmed()
    {
        UseRules(NewsletterBoxRule());
        Newsletters.Add(new NewsLetterSubscription { Email = "guest@example.com", StoreId = StoreId, TypeId = NewsletterTypeId, Active = false });
        await DeliverAllAsync();
        Assert.That(StatusOn("guest@example.com", NewsletterListId), Is.Null, "nothing before nopCommerce's own confirmation");
        Newsletters.Clear();

        await GuestConfirmsAsync("Guest@Example.com");
        await DeliverAllAsync();

        Assert.That(StatusOn("guest@example.com", NewsletterListId), Is.EqualTo("normal"), "no iContact double opt-in on top of nopCommerce's");
        var record = Subscribers.Items.Single();
        Assert.That((record.CustomerId, record.Email, record.ListIds), Is.EqualTo((0, "guest@example.com", NewsletterListId)));
    }

    [Test]
    public async Task The_address_of_a_deleted_customer_signing_up_again_in_the_footer_box_joins_as_a_guest()
    {
        UseRules(NewsletterBoxRule());
        //CustomerService.DeleteCustomerAsync keeps the row (Deleted = true) and, without SuffixDeletedCustomers, the address;
        //GetCustomerByEmailAsync still finds it
        NewCustomer("ann@example.com").Deleted = true;

        await GuestConfirmsAsync("ann@example.com");
        await DeliverAllAsync();

        Assert.That(StatusOn("ann@example.com", NewsletterListId), Is.EqualTo("normal"), "as Synchronize's guest step judges it");
        Assert.That(Subscribers.Items.Single().CustomerId, Is.Zero);
    }

    [Test]
    public async Task A_rule_that_asks_for_pending_gets_iContacts_double_opt_in()
    {
        UseRules(NewsletterBoxRule(status: "pending"));

        await GuestConfirmsAsync("guest@example.com");
        await DeliverAllAsync();

        Assert.That(StatusOn("guest@example.com", NewsletterListId), Is.EqualTo("pending"));
    }

    [Test]
    public async Task A_guest_who_unsubscribes_in_the_footer_box_leaves_the_list()
    {
        UseRules(NewsletterBoxRule());
        var row = await GuestConfirmsAsync("guest@example.com");
        await DeliverAllAsync();

        //the deactivation link deletes the row, then publishes the unsubscribe with it
        Newsletters.Remove(row);
        await Consumer().HandleEventAsync(new EmailUnsubscribedEvent(row));
        await DeliverAllAsync();

        Assert.That(StatusOn("guest@example.com", NewsletterListId), Is.EqualTo("unsubscribed"));
        Assert.That(Subscribers.Items.Single().ListIds, Is.Empty);
    }

    [Test]
    public async Task A_subscription_deactivated_in_the_admin_unsubscribes_although_the_event_carries_the_active_row()
    {
        UseRules(NewsletterBoxRule());
        var row = await GuestConfirmsAsync("guest@example.com");
        await DeliverAllAsync();

        //UpdateNewsLetterSubscriptionAsync publishes the original copy (still active) after saving the inactive row
        var original = new NewsLetterSubscription { Email = row.Email, StoreId = row.StoreId, TypeId = row.TypeId, Active = true };
        row.Active = false;
        await Consumer().HandleEventAsync(new EmailUnsubscribedEvent(original));
        await DeliverAllAsync();

        Assert.That(StatusOn("guest@example.com", NewsletterListId), Is.EqualTo("unsubscribed"));
    }

    [Test]
    public async Task A_subscription_of_another_type_does_not_match_a_rule_for_one_type()
    {
        UseRules(NewsletterBoxRule() with { NewsletterTypeId = NewsletterTypeId + 1 });

        await GuestConfirmsAsync("guest@example.com");
        await DeliverAllAsync();

        Assert.That(StatusOn("guest@example.com", NewsletterListId), Is.Null);
        Assert.That(Queue.Items, Is.Empty);
    }

    [Test]
    public async Task A_customer_who_signs_up_joins_the_newsletter_rules_list_and_leaves_it_on_unsubscribing()
    {
        UseRules(NewsletterBoxRule());
        var customer = NewCustomer("ann@example.com");
        var row = await GuestConfirmsAsync("ann@example.com");
        await DeliverAllAsync();
        Assert.That(StatusOn("ann@example.com", NewsletterListId), Is.EqualTo("normal"));
        Assert.That(Subscribers.Items.Single().CustomerId, Is.EqualTo(customer.Id), "an address with an account is the customer's");

        Newsletters.Remove(row);
        await Consumer().HandleEventAsync(new EmailUnsubscribedEvent(row));
        await DeliverAllAsync();

        Assert.That(StatusOn("ann@example.com", NewsletterListId), Is.EqualTo("unsubscribed"));
    }

    [Test]
    public async Task A_guest_who_gets_an_account_later_still_leaves_the_list_on_unsubscribing()
    {
        UseRules(NewsletterBoxRule());
        var row = await GuestConfirmsAsync("ann@example.com");
        await DeliverAllAsync();

        //an account created in the admin (no registration event): the customer has no record of its own yet
        NewCustomer("ann@example.com");
        Newsletters.Remove(row);
        await Consumer().HandleEventAsync(new EmailUnsubscribedEvent(row));
        await DeliverAllAsync();

        Assert.That(StatusOn("ann@example.com", NewsletterListId), Is.EqualTo("unsubscribed"), "the guest's lists count as the customer's");
    }

    [Test]
    public async Task Erasing_a_customer_also_forgets_what_the_address_joined_as_a_guest()
    {
        UseRules(NewsletterBoxRule());
        await GuestConfirmsAsync("ann@example.com");
        await DeliverAllAsync();
        var customer = NewCustomer("ann@example.com");
        //delivered changes kept past their retention are gone: only the guest's record knows the list
        await QueueAdmin().PurgeDeliveredAsync(Clock.GetUtcNow().UtcDateTime.AddDays(1));
        Assert.That(Queue.Items, Is.Empty);

        customer.Deleted = true;
        customer.Email = null;
        await Consumer().HandleEventAsync(new CustomerPermanentlyDeleted(customer.Id, "ann@example.com"));
        await DeliverAllAsync();

        Assert.That(StatusOn("ann@example.com", NewsletterListId), Is.EqualTo("unsubscribed"));
        Assert.That(Subscribers.Items, Is.Empty);
        Assert.That(Queue.Items.Where(item => item.Email == "ann@example.com" && item.RuleId != IcontactDefaults.ErasureMark), Is.Empty);
    }

    [Test]
    public async Task A_guest_matches_no_rule_that_names_roles()
    {
        UseRules(CustomersRule, NewsletterBoxRule() with { CustomerRoleIds = [RegisteredRoleId] });

        await GuestConfirmsAsync("guest@example.com");
        await DeliverAllAsync();

        Assert.That(Queue.Items, Is.Empty);
        Assert.That(Subscribers.Items, Is.Empty);
    }
}
