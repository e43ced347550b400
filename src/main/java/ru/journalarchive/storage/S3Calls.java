package ru.journalarchive.storage;

import io.minio.errors.ErrorResponseException;
import io.minio.errors.MinioException;
import java.io.IOException;
import java.security.GeneralSecurityException;

/** Runs MinIO SDK calls and turns their many checked exceptions into the few this module speaks. */
final class S3Calls {

    /** S3 error codes that mean "no such object" (a delete marker answers like a missing key). */
    static final String NO_SUCH_KEY = "NoSuchKey";
    static final String NO_SUCH_VERSION = "NoSuchVersion";
    static final String NO_OBJECT_LOCK = "ObjectLockConfigurationNotFoundError";

    private S3Calls() {
    }

    /** One call of the SDK. */
    @FunctionalInterface
    interface Call<T> {
        T run() throws MinioException, IOException, GeneralSecurityException;
    }

    /** The S3 error code of the exception, or null if the store did not answer with an error document. */
    static String codeOf(Exception e) {
        return e instanceof ErrorResponseException error && error.errorResponse() != null
                ? error.errorResponse().code() : null;
    }

    /** Whether the store answered "no such object". */
    static boolean isMissing(Exception e) {
        String code = codeOf(e);
        return NO_SUCH_KEY.equals(code) || NO_SUCH_VERSION.equals(code);
    }

    /** Whether the store could not be reached at all (as opposed to answering with an error). */
    static boolean isUnreachable(Exception e) {
        return e instanceof IOException;
    }

    /**
     * A short readable reason: the store's error code and message, or the exception itself. The SDK's own message
     * of an error response is just "error occurred", and its {@code toString} dumps the request.
     */
    static String reason(Exception e) {
        if (e instanceof ErrorResponseException error && error.errorResponse() != null) {
            return "%s: %s".formatted(error.errorResponse().code(), error.errorResponse().message());
        }
        return e.getMessage() == null ? e.getClass().getSimpleName() : e.getClass().getSimpleName() + ": "
                + e.getMessage();
    }
}
