/** Money in integer minor units of `currency` (the agency's); months are 'YYYY-MM'. */
export interface PipelineFiguresDto {
  /** Σ value × probability, rounded half-up once for the set of deals */
  weighted: number
  /** Σ value */
  total: number
  /** how many open deals */
  deals: number
}

export interface PipelineMonthDto extends PipelineFiguresDto {
  month: string
}

export interface PipelineDto {
  currency: string
  months: PipelineMonthDto[]
  /** open deals without an expected close date */
  noDate: PipelineFiguresDto
  /** every open deal, the undated ones included (weighted once over all of them) */
  totalWeighted: number
  total: number
  deals: number
}

export interface RevenueMonthDto {
  month: string
  /** net of tax: subtotals of non-void invoices issued that month, less credit notes issued that month */
  invoiced: number
  /** net of tax: payments − refunds − lost disputes dated that month (agency time zone) */
  paid: number
}

export interface RevenueDto {
  from: string
  to: string
  currency: string
  months: RevenueMonthDto[]
  totals: { invoiced: number; paid: number }
}

export type AgeingLabel = '0–30' | '31–60' | '61–90' | '90+'

export interface AgeingBucketDto {
  label: AgeingLabel
  count: number
  amount: number
}

export interface ReceivableDto {
  invoiceId: string
  number: string
  clientId: string
  clientName: string | null
  currency: string
  issueDate: string
  dueDate: string
  total: number
  paid: number
  /** total − paid */
  due: number
  /** whole days after the due date (0 when not yet past it) */
  daysPastDue: number
  overdue: boolean
}

export interface ReceivablesDto {
  /** the agency's today, 'YYYY-MM-DD' */
  today: string
  currency: string
  /** overdue invoices by days past due */
  buckets: AgeingBucketDto[]
  /** Σ due of every receivable invoice in the agency's currency */
  outstanding: number
  /** Σ due of the overdue ones */
  overdue: number
  invoices: ReceivableDto[]
}
