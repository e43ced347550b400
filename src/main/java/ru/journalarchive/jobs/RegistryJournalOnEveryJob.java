package ru.journalarchive.jobs;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.batch.core.BatchStatus;
import org.springframework.batch.core.ExitStatus;
import org.springframework.batch.core.job.AbstractJob;
import org.springframework.batch.core.job.JobExecution;
import org.springframework.batch.core.listener.JobExecutionListener;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.config.BeanPostProcessor;
import org.springframework.stereotype.Component;
import ru.journalarchive.registryjournal.JournalTexts;
import ru.journalarchive.registryjournal.RegistryJournal;
import ru.journalarchive.registryjournal.ShipResult;

/**
 * Ends every job by shipping the registry journal to every storage location: a close is not complete until its
 * registry entries are, so a job whose entries could not be shipped everywhere ends {@code FAILED} with the reason
 * (run again: its steps are complete, the restart only ships). Added to every job bean, present and future.
 */
@Component
class RegistryJournalOnEveryJob implements BeanPostProcessor {

    private final ObjectProvider<RegistryJournal> journal;

    RegistryJournalOnEveryJob(ObjectProvider<RegistryJournal> journal) {
        this.journal = journal;
    }

    @Override
    public Object postProcessAfterInitialization(Object bean, String beanName) {
        if (bean instanceof AbstractJob job) {
            job.registerJobExecutionListener(new Shipping(journal));
        }
        return bean;
    }

    /** The listener itself. */
    static final class Shipping implements JobExecutionListener {

        private static final Logger log = LoggerFactory.getLogger(Shipping.class);
        private final ObjectProvider<RegistryJournal> journal;

        Shipping(ObjectProvider<RegistryJournal> journal) {
            this.journal = journal;
        }

        @Override
        public void afterJob(JobExecution execution) {
            ShipResult result = journal.getObject().ship();
            if (result.complete()) {
                return;
            }
            String reason = JournalTexts.get("job.ship.failed", String.join("; ", result.failures()));
            log.error("{} ({}): registry journal not shipped to every location", execution.getJobInstance()
                    .getJobName(), execution.getId());
            execution.setStatus(BatchStatus.FAILED);
            execution.setExitStatus(ExitStatus.FAILED.addExitDescription(reason));
            execution.addFailureException(new IllegalStateException(reason));
        }
    }
}
