namespace Nop.Plugin.Misc.IContact.Tests.Postgres.Harness;

/// <summary>
/// The nopCommerce 4.90.6 tables the plugin reads, as a PostgreSQL store has them (facts from the platform's entity
/// builders, its TableFor type map and its installation indexes; written here as SQL, no platform code):
/// every string column is citext (the platform's column convention on PostgreSQL, whatever length the builder names),
/// DateTime is timestamp without time zone, ids are serial with the sequence "{Table}_Id_seq", value-typed properties
/// are NOT NULL, strings nullable unless the builder says otherwise. All columns of each entity are here, so an insert
/// that leaves a NOT NULL column out fails as it does in a store. Foreign keys only between the tables created here.
/// Not created on PostgreSQL by the platform: IX_Order_CustomerId and IX_CustomerCustomerRoleMapping_CustomerId (its
/// 4.70 upgrade adds them on SQL Server only), so orders by customer are found by a scan.
/// </summary>
public static class NopSchema
{
    public const string Sql = """
CREATE TABLE "Store" (
    "Id" serial NOT NULL CONSTRAINT "PK_Store" PRIMARY KEY,
    "Name" citext NOT NULL,
    "Url" citext NOT NULL,
    "Hosts" citext,
    "CompanyName" citext,
    "CompanyAddress" citext,
    "CompanyPhoneNumber" citext,
    "CompanyVat" citext,
    "DefaultMetaKeywords" citext,
    "DefaultMetaDescription" citext,
    "DefaultTitle" citext,
    "HomepageTitle" citext,
    "HomepageDescription" citext,
    "SslEnabled" boolean NOT NULL,
    "DefaultLanguageId" integer NOT NULL,
    "DisplayOrder" integer NOT NULL,
    "Deleted" boolean NOT NULL
);

CREATE TABLE "CustomerRole" (
    "Id" serial NOT NULL CONSTRAINT "PK_CustomerRole" PRIMARY KEY,
    "Name" citext NOT NULL,
    "SystemName" citext,
    "FreeShipping" boolean NOT NULL,
    "TaxExempt" boolean NOT NULL,
    "Active" boolean NOT NULL,
    "IsSystemRole" boolean NOT NULL,
    "EnablePasswordLifetime" boolean NOT NULL,
    "OverrideTaxDisplayType" boolean NOT NULL,
    "DefaultTaxDisplayTypeId" integer NOT NULL,
    "PurchasedWithProductId" integer NOT NULL
);

CREATE TABLE "Customer" (
    "Id" serial NOT NULL CONSTRAINT "PK_Customer" PRIMARY KEY,
    "Username" citext,
    "Email" citext,
    "EmailToRevalidate" citext,
    "FirstName" citext,
    "LastName" citext,
    "Gender" citext,
    "Company" citext,
    "StreetAddress" citext,
    "StreetAddress2" citext,
    "ZipPostalCode" citext,
    "City" citext,
    "County" citext,
    "Phone" citext,
    "Fax" citext,
    "VatNumber" citext,
    "TimeZoneId" citext,
    "CustomCustomerAttributesXML" citext,
    "DateOfBirth" timestamp(6),
    "SystemName" citext,
    "LastIpAddress" citext,
    "CurrencyId" integer,
    "LanguageId" integer,
    "BillingAddress_Id" integer,
    "ShippingAddress_Id" integer,
    "CustomerGuid" uuid NOT NULL,
    "CountryId" integer NOT NULL,
    "StateProvinceId" integer NOT NULL,
    "VatNumberStatusId" integer NOT NULL,
    "TaxDisplayTypeId" integer,
    "AdminComment" citext,
    "IsTaxExempt" boolean NOT NULL,
    "AffiliateId" integer NOT NULL,
    "VendorId" integer NOT NULL,
    "HasShoppingCartItems" boolean NOT NULL,
    "RequireReLogin" boolean NOT NULL,
    "FailedLoginAttempts" integer NOT NULL,
    "CannotLoginUntilDateUtc" timestamp(6),
    "Active" boolean NOT NULL,
    "Deleted" boolean NOT NULL,
    "IsSystemAccount" boolean NOT NULL,
    "CreatedOnUtc" timestamp(6) NOT NULL,
    "LastLoginDateUtc" timestamp(6),
    "LastActivityDateUtc" timestamp(6) NOT NULL,
    "RegisteredInStoreId" integer NOT NULL,
    "MustChangePassword" boolean NOT NULL
);

CREATE TABLE "Customer_CustomerRole_Mapping" (
    "Customer_Id" integer NOT NULL REFERENCES "Customer" ("Id") ON DELETE CASCADE,
    "CustomerRole_Id" integer NOT NULL REFERENCES "CustomerRole" ("Id") ON DELETE CASCADE,
    CONSTRAINT "PK_Customer_CustomerRole_Mapping" PRIMARY KEY ("Customer_Id", "CustomerRole_Id")
);

CREATE TABLE "NewsLetterSubscriptionType" (
    "Id" serial NOT NULL CONSTRAINT "PK_NewsLetterSubscriptionType" PRIMARY KEY,
    "Name" citext NOT NULL,
    "TickedByDefault" boolean NOT NULL,
    "DisplayOrder" integer NOT NULL,
    "LimitedToStores" boolean NOT NULL
);

CREATE TABLE "NewsLetterSubscription" (
    "Id" serial NOT NULL CONSTRAINT "PK_NewsLetterSubscription" PRIMARY KEY,
    "TypeId" integer NOT NULL REFERENCES "NewsLetterSubscriptionType" ("Id") ON DELETE CASCADE,
    "Email" citext NOT NULL,
    "NewsLetterSubscriptionGuid" uuid NOT NULL,
    "Active" boolean NOT NULL,
    "StoreId" integer NOT NULL,
    "CreatedOnUtc" timestamp(6) NOT NULL,
    "LanguageId" integer NOT NULL
);

CREATE TABLE "Product" (
    "Id" serial NOT NULL CONSTRAINT "PK_Product" PRIMARY KEY,
    "Name" citext NOT NULL,
    "MetaKeywords" citext,
    "MetaTitle" citext,
    "Sku" citext,
    "ManufacturerPartNumber" citext,
    "Gtin" citext,
    "RequiredProductIds" citext,
    "AllowedQuantities" citext,
    "ProductTypeId" integer NOT NULL,
    "ParentGroupedProductId" integer NOT NULL,
    "VisibleIndividually" boolean NOT NULL,
    "ShortDescription" citext,
    "FullDescription" citext,
    "AdminComment" citext,
    "ProductTemplateId" integer NOT NULL,
    "VendorId" integer NOT NULL,
    "ShowOnHomepage" boolean NOT NULL,
    "MetaDescription" citext,
    "AllowCustomerReviews" boolean NOT NULL,
    "ApprovedRatingSum" integer NOT NULL,
    "NotApprovedRatingSum" integer NOT NULL,
    "ApprovedTotalReviews" integer NOT NULL,
    "NotApprovedTotalReviews" integer NOT NULL,
    "SubjectToAcl" boolean NOT NULL,
    "LimitedToStores" boolean NOT NULL,
    "IsGiftCard" boolean NOT NULL,
    "GiftCardTypeId" integer NOT NULL,
    "OverriddenGiftCardAmount" numeric(18, 4),
    "RequireOtherProducts" boolean NOT NULL,
    "AutomaticallyAddRequiredProducts" boolean NOT NULL,
    "IsDownload" boolean NOT NULL,
    "DownloadId" integer NOT NULL,
    "UnlimitedDownloads" boolean NOT NULL,
    "MaxNumberOfDownloads" integer NOT NULL,
    "DownloadExpirationDays" integer,
    "DownloadActivationTypeId" integer NOT NULL,
    "HasSampleDownload" boolean NOT NULL,
    "SampleDownloadId" integer NOT NULL,
    "HasUserAgreement" boolean NOT NULL,
    "UserAgreementText" citext,
    "IsRecurring" boolean NOT NULL,
    "RecurringCycleLength" integer NOT NULL,
    "RecurringCyclePeriodId" integer NOT NULL,
    "RecurringTotalCycles" integer NOT NULL,
    "IsRental" boolean NOT NULL,
    "RentalPriceLength" integer NOT NULL,
    "RentalPricePeriodId" integer NOT NULL,
    "IsShipEnabled" boolean NOT NULL,
    "IsFreeShipping" boolean NOT NULL,
    "ShipSeparately" boolean NOT NULL,
    "AdditionalShippingCharge" numeric(18, 4) NOT NULL,
    "DeliveryDateId" integer NOT NULL,
    "IsTaxExempt" boolean NOT NULL,
    "TaxCategoryId" integer NOT NULL,
    "ManageInventoryMethodId" integer NOT NULL,
    "ProductAvailabilityRangeId" integer NOT NULL,
    "UseMultipleWarehouses" boolean NOT NULL,
    "WarehouseId" integer NOT NULL,
    "StockQuantity" integer NOT NULL,
    "DisplayStockAvailability" boolean NOT NULL,
    "DisplayStockQuantity" boolean NOT NULL,
    "MinStockQuantity" integer NOT NULL,
    "LowStockActivityId" integer NOT NULL,
    "NotifyAdminForQuantityBelow" integer NOT NULL,
    "BackorderModeId" integer NOT NULL,
    "AllowBackInStockSubscriptions" boolean NOT NULL,
    "OrderMinimumQuantity" integer NOT NULL,
    "OrderMaximumQuantity" integer NOT NULL,
    "AllowAddingOnlyExistingAttributeCombinations" boolean NOT NULL,
    "DisplayAttributeCombinationImagesOnly" boolean NOT NULL,
    "NotReturnable" boolean NOT NULL,
    "DisableBuyButton" boolean NOT NULL,
    "DisableWishlistButton" boolean NOT NULL,
    "AvailableForPreOrder" boolean NOT NULL,
    "PreOrderAvailabilityStartDateTimeUtc" timestamp(6),
    "CallForPrice" boolean NOT NULL,
    "Price" numeric(18, 4) NOT NULL,
    "OldPrice" numeric(18, 4) NOT NULL,
    "ProductCost" numeric(18, 4) NOT NULL,
    "CustomerEntersPrice" boolean NOT NULL,
    "MinimumCustomerEnteredPrice" numeric(18, 4) NOT NULL,
    "MaximumCustomerEnteredPrice" numeric(18, 4) NOT NULL,
    "BasepriceEnabled" boolean NOT NULL,
    "BasepriceAmount" numeric(18, 4) NOT NULL,
    "BasepriceUnitId" integer NOT NULL,
    "BasepriceBaseAmount" numeric(18, 4) NOT NULL,
    "BasepriceBaseUnitId" integer NOT NULL,
    "MarkAsNew" boolean NOT NULL,
    "MarkAsNewStartDateTimeUtc" timestamp(6),
    "MarkAsNewEndDateTimeUtc" timestamp(6),
    "Weight" numeric(18, 4) NOT NULL,
    "Length" numeric(18, 4) NOT NULL,
    "Width" numeric(18, 4) NOT NULL,
    "Height" numeric(18, 4) NOT NULL,
    "AvailableStartDateTimeUtc" timestamp(6),
    "AvailableEndDateTimeUtc" timestamp(6),
    "DisplayOrder" integer NOT NULL,
    "Published" boolean NOT NULL,
    "Deleted" boolean NOT NULL,
    "CreatedOnUtc" timestamp(6) NOT NULL,
    "UpdatedOnUtc" timestamp(6) NOT NULL,
    "AgeVerification" boolean NOT NULL,
    "MinimumAgeToPurchase" integer NOT NULL
);

CREATE TABLE "Product_Category_Mapping" (
    "Id" serial NOT NULL CONSTRAINT "PK_Product_Category_Mapping" PRIMARY KEY,
    "CategoryId" integer NOT NULL,
    "ProductId" integer NOT NULL REFERENCES "Product" ("Id") ON DELETE CASCADE,
    "IsFeaturedProduct" boolean NOT NULL,
    "DisplayOrder" integer NOT NULL
);

CREATE TABLE "Product_Manufacturer_Mapping" (
    "Id" serial NOT NULL CONSTRAINT "PK_Product_Manufacturer_Mapping" PRIMARY KEY,
    "ManufacturerId" integer NOT NULL,
    "ProductId" integer NOT NULL REFERENCES "Product" ("Id") ON DELETE CASCADE,
    "IsFeaturedProduct" boolean NOT NULL,
    "DisplayOrder" integer NOT NULL
);

CREATE TABLE "Order" (
    "Id" serial NOT NULL CONSTRAINT "PK_Order" PRIMARY KEY,
    "CustomOrderNumber" citext NOT NULL,
    "BillingAddressId" integer NOT NULL,
    "CustomerId" integer NOT NULL REFERENCES "Customer" ("Id"),
    "PickupAddressId" integer,
    "ShippingAddressId" integer,
    "CustomerIp" citext,
    "OrderGuid" uuid NOT NULL,
    "StoreId" integer NOT NULL,
    "PickupInStore" boolean NOT NULL,
    "OrderStatusId" integer NOT NULL,
    "ShippingStatusId" integer NOT NULL,
    "PaymentStatusId" integer NOT NULL,
    "PaymentMethodSystemName" citext,
    "CustomerCurrencyCode" citext,
    "CurrencyRate" numeric(18, 4) NOT NULL,
    "CustomerTaxDisplayTypeId" integer NOT NULL,
    "VatNumber" citext,
    "OrderSubtotalInclTax" numeric(18, 4) NOT NULL,
    "OrderSubtotalExclTax" numeric(18, 4) NOT NULL,
    "OrderSubTotalDiscountInclTax" numeric(18, 4) NOT NULL,
    "OrderSubTotalDiscountExclTax" numeric(18, 4) NOT NULL,
    "OrderShippingInclTax" numeric(18, 4) NOT NULL,
    "OrderShippingExclTax" numeric(18, 4) NOT NULL,
    "PaymentMethodAdditionalFeeInclTax" numeric(18, 4) NOT NULL,
    "PaymentMethodAdditionalFeeExclTax" numeric(18, 4) NOT NULL,
    "TaxRates" citext,
    "OrderTax" numeric(18, 4) NOT NULL,
    "OrderDiscount" numeric(18, 4) NOT NULL,
    "OrderTotal" numeric(18, 4) NOT NULL,
    "RefundedAmount" numeric(18, 4) NOT NULL,
    "RewardPointsHistoryEntryId" integer,
    "CheckoutAttributeDescription" citext,
    "CheckoutAttributesXml" citext,
    "CustomerLanguageId" integer NOT NULL,
    "AffiliateId" integer NOT NULL,
    "AllowStoringCreditCardNumber" boolean NOT NULL,
    "CardType" citext,
    "CardName" citext,
    "CardNumber" citext,
    "MaskedCreditCardNumber" citext,
    "CardCvv2" citext,
    "CardExpirationMonth" citext,
    "CardExpirationYear" citext,
    "AuthorizationTransactionId" citext,
    "AuthorizationTransactionCode" citext,
    "AuthorizationTransactionResult" citext,
    "CaptureTransactionId" citext,
    "CaptureTransactionResult" citext,
    "SubscriptionTransactionId" citext,
    "PaidDateUtc" timestamp(6),
    "ShippingMethod" citext,
    "ShippingRateComputationMethodSystemName" citext,
    "CustomValuesXml" citext,
    "Deleted" boolean NOT NULL,
    "CreatedOnUtc" timestamp(6) NOT NULL
);

CREATE TABLE "OrderItem" (
    "Id" serial NOT NULL CONSTRAINT "PK_OrderItem" PRIMARY KEY,
    "OrderId" integer NOT NULL REFERENCES "Order" ("Id") ON DELETE CASCADE,
    "ProductId" integer NOT NULL REFERENCES "Product" ("Id") ON DELETE CASCADE,
    "OrderItemGuid" uuid NOT NULL,
    "Quantity" integer NOT NULL,
    "UnitPriceInclTax" numeric(18, 4) NOT NULL,
    "UnitPriceExclTax" numeric(18, 4) NOT NULL,
    "PriceInclTax" numeric(18, 4) NOT NULL,
    "PriceExclTax" numeric(18, 4) NOT NULL,
    "DiscountAmountInclTax" numeric(18, 4) NOT NULL,
    "DiscountAmountExclTax" numeric(18, 4) NOT NULL,
    "OriginalProductCost" numeric(18, 4) NOT NULL,
    "AttributeDescription" citext,
    "AttributesXml" citext,
    "DownloadCount" integer NOT NULL,
    "IsDownloadActivated" boolean NOT NULL,
    "LicenseDownloadId" integer,
    "ItemWeight" numeric(18, 4),
    "RentalStartDateUtc" timestamp(6),
    "RentalEndDateUtc" timestamp(6)
);

CREATE INDEX "IX_Customer_Username" ON "Customer" ("Username");
CREATE INDEX "IX_Customer_SystemName" ON "Customer" ("SystemName");
CREATE INDEX "IX_Customer_Email" ON "Customer" ("Email");
CREATE INDEX "IX_Customer_CustomerGuid" ON "Customer" ("CustomerGuid");
CREATE INDEX "IX_Customer_CreatedOnUtc" ON "Customer" ("CreatedOnUtc" DESC);
CREATE INDEX "IX_Customer_Deleted" ON "Customer" ("Deleted");
CREATE INDEX "IX_NewsletterSubscription_Email_StoreId" ON "NewsLetterSubscription" ("Email", "StoreId");
CREATE INDEX "IX_NewsLetterSubscription_TypeId" ON "NewsLetterSubscription" ("TypeId");
CREATE INDEX "IX_Order_CreatedOnUtc" ON "Order" ("CreatedOnUtc" DESC);
CREATE INDEX "IX_PCM_Product_and_Category" ON "Product_Category_Mapping" ("CategoryId", "ProductId");
CREATE INDEX "IX_PCM_ProductId_Extended" ON "Product_Category_Mapping" ("ProductId", "IsFeaturedProduct") INCLUDE ("CategoryId");
CREATE INDEX "IX_PMM_Product_and_Manufacturer" ON "Product_Manufacturer_Mapping" ("ManufacturerId", "ProductId");
CREATE INDEX "IX_PMM_ProductId_Extended" ON "Product_Manufacturer_Mapping" ("ProductId", "IsFeaturedProduct") INCLUDE ("ManufacturerId");
""";
}
