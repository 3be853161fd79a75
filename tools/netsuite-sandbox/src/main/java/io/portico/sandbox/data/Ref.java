package io.portico.sandbox.data;

/**
 * A reference field value: a pointer to another record or list entry. The display name ({@code refName}) is looked up
 * when rendering, so renamed targets show their current name as NetSuite does.
 *
 * @param target lower-case link target, a REST record name ({@code customer}) or a list name ({@code currency})
 */
public record Ref(String target, long id) {
}
