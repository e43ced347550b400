package ru.journalarchive.signing;

import java.lang.reflect.Field;
import java.lang.reflect.Method;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * Finds the PKCS#11 slot holding a token of a given label. SunPKCS11's configuration selects a slot only by id or
 * list index, so the label is looked up through the JDK's own PKCS#11 wrapper; that needs
 * {@code --add-exports jdk.crypto.cryptoki/sun.security.pkcs11.wrapper=ALL-UNNAMED} (the jar's manifest and the test
 * JVM have it). Without it the lookup fails with a message asking for the slot number instead.
 */
final class TokenSlots {

    private static final String WRAPPER = "sun.security.pkcs11.wrapper.";
    private static final long CKF_OS_LOCKING_OK = 0x2L;

    private TokenSlots() {
    }

    /** The id of the slot whose token is labelled {@code label}. */
    static long slotOf(Path module, String label) {
        Object pkcs11 = wrapper(module);
        List<String> found = new ArrayList<>();
        try {
            long[] slots = (long[]) pkcs11.getClass().getMethod("C_GetSlotList", boolean.class).invoke(pkcs11, true);
            Method tokenInfo = pkcs11.getClass().getMethod("C_GetTokenInfo", long.class);
            for (long slot : slots) {
                Object info = tokenInfo.invoke(pkcs11, slot);
                String tokenLabel = new String((char[]) info.getClass().getField("label").get(info)).strip();
                if (tokenLabel.equals(label.strip())) {
                    return slot;
                }
                found.add("«" + tokenLabel + "»");
            }
        } catch (ReflectiveOperationException e) {
            throw new TokenException(TokenMessages.get("token.pkcs11.unavailable", module, rootMessage(e)), e);
        }
        throw new TokenException(TokenMessages.get("token.pkcs11.labelNotFound", module, label,
                found.isEmpty() ? "—" : String.join(", ", found)));
    }

    private static Object wrapper(Path module) {
        try {
            Class<?> pkcs11 = Class.forName(WRAPPER + "PKCS11");
            Class<?> initArgsType = Class.forName(WRAPPER + "CK_C_INITIALIZE_ARGS");
            Object initArgs = initArgsType.getConstructor().newInstance();
            Field flags = initArgsType.getField("flags");
            flags.setLong(initArgs, CKF_OS_LOCKING_OK);
            // The wrapper keeps one instance per module, shared with SunPKCS11 providers configured later.
            for (Method method : pkcs11.getMethods()) {
                if (method.getName().equals("getInstance") && method.getParameterCount() == 4) {
                    return method.invoke(null, module.toString(), "C_GetFunctionList", initArgs, false);
                }
            }
            throw new NoSuchMethodException(WRAPPER + "PKCS11.getInstance");
        } catch (IllegalAccessException | ClassNotFoundException | NoSuchMethodException | NoSuchFieldException
                | InstantiationException e) {
            throw new TokenException(TokenMessages.get("token.pkcs11.labelUnsupported", rootMessage(e)), e);
        } catch (ReflectiveOperationException e) {
            throw new TokenException(TokenMessages.get("token.pkcs11.unavailable", module, rootMessage(e)), e);
        }
    }

    static String rootMessage(Throwable e) {
        Throwable root = e;
        while (root.getCause() != null && root.getCause() != root) {
            root = root.getCause();
        }
        return root.getMessage() == null ? root.getClass().getSimpleName() : root.getMessage();
    }
}
