using System.Globalization;

namespace Nop.Plugin.Misc.IContact.Tests.Postgres.Harness;

/// <summary>
/// Adds catalog rows (products with their category and manufacturer mappings) and order lines to a test database,
/// every NOT NULL column of the platform's schema filled
/// </summary>
public static class CatalogSeeder
{
    /// <summary>
    /// Adds a product in some categories and manufacturers
    /// </summary>
    /// <returns>The product's id</returns>
    public static async Task<int> AddProductAsync(PostgresDatabase database, int[] categoryIds = null, int[] manufacturerIds = null)
    {
        var id = await database.ScalarAsync<int>("""
            INSERT INTO "Product" ("Name", "ProductTypeId", "ParentGroupedProductId", "VisibleIndividually", "ProductTemplateId", "VendorId", "ShowOnHomepage", "AllowCustomerReviews", "ApprovedRatingSum", "NotApprovedRatingSum", "ApprovedTotalReviews", "NotApprovedTotalReviews", "SubjectToAcl", "LimitedToStores", "IsGiftCard", "GiftCardTypeId", "RequireOtherProducts", "AutomaticallyAddRequiredProducts", "IsDownload", "DownloadId", "UnlimitedDownloads", "MaxNumberOfDownloads", "DownloadActivationTypeId", "HasSampleDownload", "SampleDownloadId", "HasUserAgreement", "IsRecurring", "RecurringCycleLength", "RecurringCyclePeriodId", "RecurringTotalCycles", "IsRental", "RentalPriceLength", "RentalPricePeriodId", "IsShipEnabled", "IsFreeShipping", "ShipSeparately", "AdditionalShippingCharge", "DeliveryDateId", "IsTaxExempt", "TaxCategoryId", "ManageInventoryMethodId", "ProductAvailabilityRangeId", "UseMultipleWarehouses", "WarehouseId", "StockQuantity", "DisplayStockAvailability", "DisplayStockQuantity", "MinStockQuantity", "LowStockActivityId", "NotifyAdminForQuantityBelow", "BackorderModeId", "AllowBackInStockSubscriptions", "OrderMinimumQuantity", "OrderMaximumQuantity", "AllowAddingOnlyExistingAttributeCombinations", "DisplayAttributeCombinationImagesOnly", "NotReturnable", "DisableBuyButton", "DisableWishlistButton", "AvailableForPreOrder", "CallForPrice", "Price", "OldPrice", "ProductCost", "CustomerEntersPrice", "MinimumCustomerEnteredPrice", "MaximumCustomerEnteredPrice", "BasepriceEnabled", "BasepriceAmount", "BasepriceUnitId", "BasepriceBaseAmount", "BasepriceBaseUnitId", "MarkAsNew", "Weight", "Length", "Width", "Height", "DisplayOrder", "Published", "Deleted", "CreatedOnUtc", "UpdatedOnUtc", "AgeVerification", "MinimumAgeToPurchase")
            VALUES ('Product', 0, 0, false, 0, 0, false, false, 0, 0, 0, 0, false, false, false, 0, false, false, false, 0, false, 0, 0, false, 0, false, false, 0, 0, 0, false, 0, 0, false, false, false, 0, 0, false, 0, 0, 0, false, 0, 0, false, false, 0, 0, 0, 0, false, 0, 0, false, false, false, false, false, false, false, 0, 0, 0, false, 0, 0, false, 0, 0, 0, 0, false, 0, 0, 0, 0, 0, true, false, now(), now(), false, 0)
            RETURNING "Id";
            """);
        foreach (var categoryId in categoryIds ?? [])
            await database.ExecuteAsync($"INSERT INTO \"Product_Category_Mapping\" (\"CategoryId\", \"ProductId\", \"IsFeaturedProduct\", \"DisplayOrder\") VALUES ({categoryId}, {id}, false, 0);");
        foreach (var manufacturerId in manufacturerIds ?? [])
            await database.ExecuteAsync($"INSERT INTO \"Product_Manufacturer_Mapping\" (\"ManufacturerId\", \"ProductId\", \"IsFeaturedProduct\", \"DisplayOrder\") VALUES ({manufacturerId}, {id}, false, 0);");
        return id;
    }

    /// <summary>
    /// Adds a line of a product to an order
    /// </summary>
    public static Task<int> AddOrderItemAsync(PostgresDatabase database, int orderId, int productId, decimal price = 10m)
    {
        var amount = price.ToString(CultureInfo.InvariantCulture);
        return database.ExecuteAsync($"""
            INSERT INTO "OrderItem" ("OrderId", "ProductId", "OrderItemGuid", "Quantity", "UnitPriceInclTax", "UnitPriceExclTax", "PriceInclTax",
                "PriceExclTax", "DiscountAmountInclTax", "DiscountAmountExclTax", "OriginalProductCost", "DownloadCount", "IsDownloadActivated")
            VALUES ({orderId}, {productId}, gen_random_uuid(), 1, {amount}, {amount}, {amount}, {amount}, 0, 0, 0, 0, false);
            """);
    }
}
