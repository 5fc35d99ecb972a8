import { redirect } from 'next/navigation';
import { loadOwnedCase } from '@/lib/cases/load';
import { FIRST_STEP, isStepId } from '@/lib/cases/steps';

/** Opening a case resumes at the step the user was last on. */
export default async function OpenCasePage({ params }: { params: Promise<{ caseId: string }> }) {
  const { caseId } = await params;
  const { case: found } = await loadOwnedCase(caseId, `/cases/${caseId}`);
  redirect(`/cases/${caseId}/${isStepId(found.currentStep) ? found.currentStep : FIRST_STEP}`);
}
