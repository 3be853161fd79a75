package io.portico.api.web;

import java.util.List;
import java.util.Map;

/**
 * The icons a sidebar entry may have: Lucide icons (ISC licence), self-hosted in the layout's sprite
 * ({@code /static/icons.svg}), so the strict Content-Security-Policy holds.
 *
 * @since 1.5
 */
public final class SidebarIcons {

    /** Every icon's name, as the sprite's symbol ids. */
    public static final List<String> NAMES = List.of("layout-dashboard", "files", "file-text", "receipt",
            "receipt-text", "shopping-cart", "truck", "package", "credit-card", "wallet", "banknote", "hand-coins",
            "circle-dollar-sign", "file-minus-2", "file-check", "clipboard-list", "folder", "archive", "box",
            "briefcase", "calendar", "tag", "contact", "building", "building-2", "star", "users", "house");

    private static final Map<String, String> DEFAULTS = Map.of(SidebarLayout.DASHBOARD, "layout-dashboard",
            SidebarLayout.DOCUMENTS, "files", "invoice", "receipt", "salesorder", "shopping-cart",
            "itemfulfillment", "truck", "customerpayment", "credit-card", "creditmemo", "file-minus-2");

    private SidebarIcons() {
    }

    /** The icon an entry has until an admin chooses one: by its key, else a document. */
    public static String defaultFor(String key) {
        return DEFAULTS.getOrDefault(key, "file-text");
    }
}
