package io.portico.documents.internal;

import org.osgi.service.metatype.annotations.AttributeDefinition;
import org.osgi.service.metatype.annotations.ObjectClassDefinition;

/** What documents print besides the branding; {@code etc/io.portico.documents.cfg}. */
@ObjectClassDefinition(name = "Portico documents")
public @interface DocumentsConfig {

    String PID = "io.portico.documents";

    @AttributeDefinition(description = "The operator's address as printed on documents, one line per \\n")
    String operatorAddress() default "";

    @AttributeDefinition(description = "The upper bounds in days past due of the statement's aging buckets, ascending;"
            + " 'current' comes first and 'over the last' last")
    int[] agingBuckets() default {30, 60, 90, 120, 180};

    @AttributeDefinition(description = "The longest statement range, in days")
    int maxStatementDays() default 1830;
}
