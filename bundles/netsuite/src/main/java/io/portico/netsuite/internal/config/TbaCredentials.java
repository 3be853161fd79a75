package io.portico.netsuite.internal.config;

/** The OAuth 1.0a quadruple of an integration record and an access token. */
public record TbaCredentials(String consumerKey, String consumerSecret, String tokenId, String tokenSecret) {

    public TbaCredentials {
        Required.text(consumerKey, "consumerKey");
        Required.text(consumerSecret, "consumerSecret");
        Required.text(tokenId, "tokenId");
        Required.text(tokenSecret, "tokenSecret");
    }

    @Override
    public String toString() {
        return "TbaCredentials[consumerKey=" + consumerKey + ", tokenId=" + tokenId + ", secrets hidden]";
    }
}
