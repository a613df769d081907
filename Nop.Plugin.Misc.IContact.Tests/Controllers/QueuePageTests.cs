using Moq;
using Microsoft.AspNetCore.Mvc;
using Nop.Plugin.Misc.IContact.Domain;
using Nop.Plugin.Misc.IContact.Models;
using Nop.Web.Framework.Mvc;

namespace Nop.Plugin.Misc.IContact.Tests.Controllers;

public class QueuePageTests : ConfigurationControllerTestBase
{
    [SetUp]
    public async Task Seed()
    {
        StoredSettings[0] = ConfiguredSettings();
        await QueueRepository.InsertAsync(new IcontactQueueItem { Email = "wait@example.com", ListId = "7", State = QueueItemState.Pending, Operation = QueueOperation.Subscribe, SubscriptionStatus = "normal" });
        await QueueRepository.InsertAsync(new IcontactQueueItem { Email = "fail@example.com", ListId = "7", State = QueueItemState.Failed, Operation = QueueOperation.Subscribe, SubscriptionStatus = "pending", Attempts = 10, LastError = "The email address is not valid." });
        await QueueRepository.InsertAsync(new IcontactQueueItem { Email = "done@example.com", ListId = "7", State = QueueItemState.Done, Operation = QueueOperation.Unsubscribe });
    }

    private async Task<List<QueueItemModel>> RowsAsync(QueueItemState state) =>
        ((QueueListModel)((JsonResult)await CreateSyncController().QueueList(new QueueSearchModel { QueueState = (int)state, Length = 10 })).Value!).Data.ToList();

    [Test]
    public async Task The_grid_shows_each_state_with_its_error_and_a_readable_change()
    {
        var failed = (await RowsAsync(QueueItemState.Failed)).Single();

        Assert.That(failed.Email, Is.EqualTo("fail@example.com"));
        Assert.That(failed.Change, Is.EqualTo("Subscribe (pending)"));
        Assert.That(failed.LastError, Is.EqualTo("The email address is not valid."));
        Assert.That(failed.CanRetry, Is.True);
        Assert.That((await RowsAsync(QueueItemState.Pending)).Single().Email, Is.EqualTo("wait@example.com"));
        Assert.That((await RowsAsync(QueueItemState.Done)).Single().Change, Is.EqualTo("Unsubscribe"));
    }

    [Test]
    public async Task The_grid_says_whom_each_change_is_for_guests_included()
    {
        await QueueRepository.InsertAsync(new IcontactQueueItem { CustomerId = 12, Email = "ann@example.com", ListId = "7", Operation = QueueOperation.Subscribe, SubscriptionStatus = "normal" });
        await QueueRepository.InsertAsync(new IcontactQueueItem { CustomerId = 0, Email = "guest@example.com", ListId = "7", Operation = QueueOperation.Subscribe, SubscriptionStatus = "normal" });
        await QueueRepository.InsertAsync(new IcontactQueueItem { CustomerId = 0, Email = "gone@example.com", ListId = "7", Operation = QueueOperation.Unsubscribe, RuleId = "erasure" });
        await QueueRepository.InsertAsync(new IcontactQueueItem { CustomerId = 0, Email = string.Empty, ListId = "7", Operation = QueueOperation.InboundCheck });

        var rows = (await RowsAsync(QueueItemState.Pending)).Where(row => row.Email != "wait@example.com").OrderBy(row => row.Id).Select(row => (row.Who, row.CustomerId));

        Assert.That(rows, Is.EqualTo(new[] { ("Customer #12", 12), ("Guest (newsletter subscriber)", 0), ("Erased customer", 0), ("iContact web hook", 0) }));
    }

    [Test]
    public async Task All_stores_show_every_store_s_changes_and_a_store_scope_only_its_own()
    {
        //delivery queues under the real store id, also in a single-store install whose admin only has the all-stores scope
        Stores.Add(new Nop.Core.Domain.Stores.Store { Id = 2, Name = "Outlet" });
        await QueueRepository.InsertAsync(new IcontactQueueItem { StoreId = 1, CustomerId = 12, Email = "one@example.com", ListId = "7", State = QueueItemState.Failed, Operation = QueueOperation.Subscribe, SubscriptionStatus = "normal" });
        await QueueRepository.InsertAsync(new IcontactQueueItem { StoreId = 2, CustomerId = 13, Email = "two@example.com", ListId = "7", State = QueueItemState.Failed, Operation = QueueOperation.Subscribe, SubscriptionStatus = "normal" });

        var all = await RowsAsync(QueueItemState.Failed);
        StoreContext.Setup(s => s.GetActiveStoreScopeConfigurationAsync()).ReturnsAsync(2);
        var second = await RowsAsync(QueueItemState.Failed);

        Assert.That(all.Select(row => row.Email), Is.EquivalentTo(new[] { "fail@example.com", "one@example.com", "two@example.com" }));
        Assert.That(second.Select(row => row.Email), Is.EqualTo(new[] { "two@example.com" }));
        Assert.That(all.Single(row => row.Email == "one@example.com").Store, Is.EqualTo("Shop"), "all stores of a multi-store install name each change's store");
        Assert.That(second.Single().Store, Is.Null);

        //retry and discard act on what the scope shows
        StoreContext.Setup(s => s.GetActiveStoreScopeConfigurationAsync()).ReturnsAsync(0);
        await CreateSyncController().QueueRetry(QueueRepository.Items.Single(i => i.Email == "one@example.com").Id);
        Assert.That(await CreateSyncController().QueueDiscard(QueueRepository.Items.Single(i => i.Email == "two@example.com").Id), Is.InstanceOf<NullJsonResult>());
        Assert.That(QueueRepository.Items.Single(i => i.Email == "one@example.com").State, Is.EqualTo(QueueItemState.Pending));
        Assert.That(QueueRepository.Items.Any(i => i.Email == "two@example.com"), Is.False);
    }

    [Test]
    public async Task A_failed_change_is_retried_with_fresh_attempts()
    {
        var failed = QueueRepository.Items.Single(i => i.State == QueueItemState.Failed);

        await CreateSyncController().QueueRetry(failed.Id);

        var retried = QueueRepository.Items.Single(i => i.Id == failed.Id);
        Assert.That(retried.State, Is.EqualTo(QueueItemState.Pending));
        Assert.That(retried.Attempts, Is.Zero);
    }

    [Test]
    public async Task Only_failed_changes_can_be_discarded()
    {
        var failed = QueueRepository.Items.Single(i => i.State == QueueItemState.Failed);
        var waiting = QueueRepository.Items.Single(i => i.State == QueueItemState.Pending);

        var discarded = await CreateSyncController().QueueDiscard(failed.Id);
        var refused = (JsonResult)await CreateSyncController().QueueDiscard(waiting.Id);

        Assert.That(discarded, Is.InstanceOf<NullJsonResult>());
        Assert.That(refused.Value!.ToString(), Does.Contain(English("Plugins.Misc.IContact.Queue.OnlyFailed")));
        Assert.That(QueueRepository.Items.Select(i => i.Email), Is.EquivalentTo(new[] { "wait@example.com", "done@example.com" }));
    }

    [Test]
    public async Task Verifying_the_saved_credentials_resumes_a_paused_store()
    {
        await StatusRepository.InsertAsync(new IcontactStoreStatus { StoreId = 0, PausedReason = "wrong password" });
        var form = new ConfigurationModel
        {
            Username = Emulator.Options.Username, AppId = Emulator.Options.AppId, ApiBaseUrl = Emulator.ApiBaseUrl, RequestTimeoutSeconds = 10
        };

        await CreateController().Verify(form);

        Assert.That(StatusRepository.Items.Single().PausedReason, Is.Null);
    }

    [Test]
    public async Task Verifying_other_credentials_does_not_resume()
    {
        await StatusRepository.InsertAsync(new IcontactStoreStatus { StoreId = 0, PausedReason = "wrong password" });
        var form = new ConfigurationModel
        {
            Username = Emulator.Options.Username, AppId = Emulator.Options.AppId, AppPassword = Emulator.Options.AppPassword,
            ApiBaseUrl = Emulator.ApiBaseUrl, RequestTimeoutSeconds = 10
        };

        await CreateController().Verify(form);

        Assert.That(StatusRepository.Items.Single().PausedReason, Is.EqualTo("wrong password"), "an unsaved password does not fix the stored one");
    }

    [Test]
    public async Task Saving_working_credentials_resumes_a_paused_store()
    {
        await StatusRepository.InsertAsync(new IcontactStoreStatus { StoreId = 0, PausedReason = "wrong password" });
        var form = new ConfigurationModel
        {
            Username = Emulator.Options.Username, AppId = Emulator.Options.AppId, AppPassword = Emulator.Options.AppPassword,
            ApiBaseUrl = Emulator.ApiBaseUrl, BatchSize = 250, RequestsPerHour = 100, RequestsPerDay = 1000, MaxAttempts = 5, RequestTimeoutSeconds = 10
        };

        await CreateController().Configure(form);

        Assert.That(StatusRepository.Items.Single().PausedReason, Is.Null);
    }
}
