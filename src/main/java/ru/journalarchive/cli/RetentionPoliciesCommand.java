package ru.journalarchive.cli;

import java.util.concurrent.Callable;
import org.springframework.beans.factory.config.ConfigurableBeanFactory;
import org.springframework.context.annotation.Scope;
import org.springframework.stereotype.Component;
import picocli.CommandLine.Command;
import ru.journalarchive.retention.RetentionPolicies;
import ru.journalarchive.retention.RetentionPolicy;

/** {@code retention policies}: every record class with its term, trigger, index, article and ЭПК mark. */
@Component
@Scope(ConfigurableBeanFactory.SCOPE_PROTOTYPE)
@Command(name = "policies", mixinStandardHelpOptions = true, resourceBundle = "i18n.cli")
class RetentionPoliciesCommand implements Callable<Integer> {

    private final RetentionPolicies policies;
    private final Messages messages;

    RetentionPoliciesCommand(RetentionPolicies policies, Messages messages) {
        this.policies = policies;
        this.messages = messages;
    }

    @Override
    public Integer call() {
        for (RetentionPolicy p : policies.all()) {
            System.out.println(messages.get("retention.policy.line", p.recordClass(), p.title(), p.termText(),
                    messages.get("retention.trigger." + p.trigger()), p.nomenclatureIndex(), p.federalListArticle(),
                    p.epk() ? messages.get("retention.epk") : ""));
        }
        return 0;
    }
}
