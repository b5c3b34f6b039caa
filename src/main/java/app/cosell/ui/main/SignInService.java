package app.cosell.ui.main;

import java.net.URI;

/** IAM Identity Center sign-in for an AWS profile (device code, as {@code aws sso login}); backed by partner.SsoSignIn. */
public interface SignInService {

    /** Registers and starts a device authorization for {@code profileName}. Blocking. */
    Attempt begin(String profileName) throws Exception;

    /** One sign-in under way: what the rep confirms in the browser. Closing it abandons the sign-in. */
    interface Attempt extends AutoCloseable {
        String userCode();

        /** The page to open: with the code filled in when the service offers that. */
        URI pageToOpen();

        /** Waits until the rep confirmed in the browser (the token is then cached for the SDK). Blocking. */
        void awaitToken() throws Exception;

        @Override
        void close();
    }
}
