import ExcelJS from 'exceljs';
import iconv from 'iconv-lite';

/*
 * Export files generated in code, shaped like the real ones described in shared/PLATFORMS.md, so no
 * binary fixture (and no real buyer's data) is ever committed.
 */

export const TAOBAO_HEADERS = [
  '订单编号', '买家会员名', '买家支付宝账号', '买家应付货款', '买家应付邮费', '买家支付积分', '总金额', '返点积分',
  '买家实际支付金额', '买家实际支付积分', '订单状态', '买家留言', '收货人姓名', '收货地址', '运送方式', '联系电话',
  '联系手机', '订单创建时间', '订单付款时间', '宝贝标题', '宝贝种类', '物流单号', '物流公司', '订单备注',
  '宝贝总数量', '店铺Id', '店铺名称', '订单关闭原因',
];

type TaobaoRow = { orderNo: string; buyer: string; amount: string; created: string; title: string; quantity: string; tracking: string };

function taobaoLine(row: TaobaoRow): string {
  const cells: Record<string, string> = {
    订单编号: `="${row.orderNo}"`, 买家会员名: row.buyer, 买家支付宝账号: 'a***@163.com', 买家实际支付金额: `"${row.amount}"`,
    订单状态: '交易成功', 收货人姓名: '王小明', 收货地址: '浙江省 杭州市 西湖区 文三路 90 号 华星大厦 8 楼', 运送方式: '快递',
    联系手机: `'13812345678`, 订单创建时间: row.created, 订单付款时间: '2026-11-11 20:06:00', 宝贝标题: row.title,
    物流单号: `="${row.tracking}"`, 物流公司: '中通快递', 宝贝总数量: row.quantity, 店铺名称: '小店',
  };
  return TAOBAO_HEADERS.map((header) => cells[header] ?? '').join(',');
}

/**
 * Amounts use the full-width ￥ because the half-width ¥ does not exist in GBK.
 * Rows 2–6 as the user sees them: two orders, the second repeated per item, a row whose order
 * number is broken, and a row whose date and amount are bad. Then blank rows, as exports end.
 */
export function taobaoCsvText(): string {
  const lines = [
    TAOBAO_HEADERS.join(','),
    taobaoLine({ orderNo: '2741234567890123456', buyer: 'tb_小王', amount: '￥1,299.00', created: '2026-11-11 20:05:13', title: '夏季连衣裙', quantity: '2', tracking: '78812345678901' }),
    taobaoLine({ orderNo: '2741234567890123999', buyer: '欧阳娜娜', amount: '￥12,345.60', created: '2026/11/12 08:00', title: '羊毛大衣', quantity: '1', tracking: '78812345678902' }),
    taobaoLine({ orderNo: '2741234567890123999', buyer: '欧阳娜娜', amount: '￥12,345.60', created: '2026/11/12 08:00', title: '围巾', quantity: '3', tracking: '' }),
    taobaoLine({ orderNo: '12#4', buyer: 'x', amount: '￥1.00', created: '2026-11-12 09:00:00', title: '坏行', quantity: '1', tracking: '' }),
    taobaoLine({ orderNo: '2741234567890124000', buyer: '张三', amount: '￥abc', created: '2026-13-45 25:00', title: '袜子', quantity: '1', tracking: '' }),
    ',,,,,',
    '',
    '',
  ];
  return lines.join('\r\n');
}

export const encodeGbk = (text: string): Uint8Array => iconv.encode(text, 'gbk');
export const encodeUtf8Bom = (text: string): Uint8Array => Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), Buffer.from(text, 'utf8')]);
export const encodeUtf16Le = (text: string, bom = true): Uint8Array =>
  Buffer.concat([Buffer.from(bom ? [0xff, 0xfe] : []), iconv.encode(text, 'utf16le')]);

export const PINDUODUO_CSV = [
  '订单成交时间,商品,订单号,订单状态,商品总价(元),邮费(元),用户实付金额(元),商家实收金额(元),商品数量(件),发货时间,确认收货时间,商品id,商品规格,商家备注,售后状态,快递单号,快递公司,支付时间',
  '2026-11-11 10:00:00,纯棉T恤 白色,261111-123456789012345,已签收,59.90,0.00,49.90,49.90,1,2026-11-11 18:00:00,2026-11-14 09:30:00,123456,白色 L,,无售后或售后取消,YT8812345678901,圆通快递,2026-11-11 10:00:05',
  '2026-11-11 11:00:00,"保温杯, 500ml",261111-123456789012346,已发货,"1,099.00",0.00,"1,079.00","1,079.00",2,2026-11-12 18:00:00,,123457,500ml,,,SF1234567890123,顺丰速运,2026-11-11 11:00:09',
].join('\n');

export const AMAZON_TSV = [
  ['amazon-order-id', 'merchant-order-id', 'purchase-date', 'payments-date', 'buyer-email', 'buyer-name', 'buyer-phone-number', 'sku', 'product-name', 'quantity-purchased', 'currency', 'item-price', 'ship-address-1', 'ship-city', 'ship-state', 'ship-postal-code', 'ship-country'],
  ['114-3941689-8772232', '', '2026-11-11T12:05:13+00:00', '2026-11-11T12:06:00-08:00', 'x@marketplace.amazon.com', 'John Smith', '+1 206-555-0100', 'SKU-1', 'Steel Water Bottle, 750 ml', '2', 'USD', '$25.98', '410 Terry Ave N', 'Seattle', 'WA', '98109', 'US'],
].map((cells) => cells.join('\t')).join('\n');

/** An .xlsx export as a merchant might have edited it in Excel. */
export async function buildXlsx(): Promise<Uint8Array> {
  const workbook = new ExcelJS.Workbook();
  const sheet = workbook.addWorksheet('订单');
  sheet.addRow(['订单编号', '买家昵称', '实付金额', '下单时间', '发货时间', '快递单号', '数量']);
  // Text cells: how a careful export stores long order numbers.
  sheet.addRow(['2741234567890123456', '张三', 1299, new Date(Date.UTC(2026, 10, 11, 20, 5, 13)), '45607.5', 'SF1234567890123', 2]);
  sheet.addRow(['2741234567890123457', '李四', 12.99, new Date(Date.UTC(2026, 10, 12, 0, 0, 0)), '', '', 1]);
  // A number cell: Excel has already cut it to 15 significant digits.
  sheet.addRow([2741234567890120000, '王五', 5, new Date(Date.UTC(2026, 10, 12)), '', '', 1]);
  sheet.addRow([]);
  return new Uint8Array(await workbook.xlsx.writeBuffer());
}

/*
 * Header rows of English and snake_case exports as they come out of the seller centres (column
 * order as exported; middle columns that no field wants are kept, since they are what could
 * mislead a matcher).
 */
const splitHeaders = (line: string, delimiter = ',') => line.split(delimiter);

export const ENGLISH_HEADERS = {
  tiktokShop: splitHeaders(
    'Order ID,Order Status,Order Substatus,Cancelation/Return Type,Normal or Pre-order,SKU ID,Seller SKU,Product Name,Variation,Quantity,' +
      'Sku Quantity of return,SKU Unit Original Price,SKU Subtotal Before Discount,SKU Platform Discount,SKU Seller Discount,' +
      'SKU Subtotal After Discount,Shipping Fee After Discount,Original Shipping Fee,Taxes,Order Amount,Order Refund Amount,Created Time,' +
      'Paid Time,RTS Time,Shipped Time,Delivered Time,Cancelled Time,Cancel By,Cancel Reason,Fulfillment Type,Warehouse Name,Tracking ID,' +
      'Delivery Option,Shipping Provider Name,Buyer Message,Buyer Username,Recipient,Phone #,Zipcode,Country,State,County,City,Districts,' +
      'Detail Address,Additional address information,Payment Method,Weight(kg),Product Category,Package ID,Seller Note,Checked Status',
  ),
  shopee: splitHeaders(
    'Order ID,Order Status,Return / Refund Status,Tracking Number*,Shipping Option,Shipment Method,Estimated Ship Out Date,Ship Time,' +
      'Order Creation Date,Order Paid Time,Parent SKU Reference No.,Product Name,SKU Reference No.,Variation Name,Original Price,Deal Price,' +
      'Quantity,Returned quantity,Product Subtotal,Total Discount,Seller Voucher,Shopee Voucher,Products\' Price Paid by Buyer,' +
      'Buyer Paid Shipping Fee,Service Fee,Grand Total,Estimated Shipping Fee,Username (Buyer),Receiver Name,Phone Number,Delivery Address,' +
      'Town,District,Province,City,Region,Country,Zip Code,Remark from buyer,Order Complete Time,Note',
  ),
  lazada: splitHeaders(
    'Order Item Id,Order Type,Order Flag,Lazada Id,Seller SKU,Lazada SKU,Created at,Updated at,Order Number,Invoice Required,Customer Name,' +
      'Customer Email,National Registration Number,Shipping Name,Shipping Address,Shipping Address2,Shipping Address3,Shipping Phone Number,' +
      'Shipping Phone Number2,Shipping City,Shipping Postcode,Shipping Country,Billing Name,Billing Address,Billing Phone Number,Payment Method,' +
      'Paid Price,Unit Price,Shipping Fee,Wallet Credits,Item Name,Variation,CD Shipping Provider,Shipping Provider,Shipment Type Name,' +
      'CD Tracking Code,Tracking Code,Tracking URL,Shipping Provider (first mile),Tracking Code (first mile),Promised shipping time,Premium,' +
      'Status,Buyer Failed Delivery Reason,Bundle ID,Bundle Discount,Refund Amount',
  ),
  amazonAllOrders: splitHeaders(
    'amazon-order-id\tmerchant-order-id\tpurchase-date\tlast-updated-date\torder-status\tfulfillment-channel\tsales-channel\torder-channel\turl\t' +
      'ship-service-level\tproduct-name\tsku\tasin\titem-status\tquantity\tcurrency\titem-price\titem-tax\tshipping-price\tshipping-tax\t' +
      'item-promotion-discount\tship-promotion-discount\tship-city\tship-state\tship-postal-code\tship-country\tpromotion-ids\tis-business-order',
    '\t',
  ),
  amazonUnshipped: splitHeaders(
    'order-id\torder-item-id\tpurchase-date\tpayments-date\treporting-date\tpromise-date\tdays-past-promise\tbuyer-email\tbuyer-name\t' +
      'buyer-phone-number\tsku\tproduct-name\tquantity-purchased\tquantity-shipped\tquantity-to-ship\tship-service-level\trecipient-name\t' +
      'ship-address-1\tship-address-2\tship-address-3\tship-city\tship-state\tship-postal-code\tship-country\tis-business-order',
    '\t',
  ),
  jd: splitHeaders(
    '订单号,商品ID,商品名称,订购数量,支付方式,下单时间,京东价,订单金额,结算金额,余额支付,应付金额,订单状态,订单类型,下单帐号,客户姓名,' +
      '客户地址,联系电话,订单备注,发票类型,商家备注,运费金额,付款确认时间,订单完成时间,订单来源',
  ),
  // Taobao's seller centre with its interface in English: the columns of ExportOrderList, translated.
  taobaoEnglish: splitHeaders(
    'Order No.,Buyer Nickname,Buyer Alipay Account,Payable Goods Amount,Payable Postage,Total Amount,Actual Payment Amount,Order Status,' +
      'Buyer Message,Receiver Name,Receiving Address,Shipping Method,Contact Phone,Mobile,Order Created Time,Order Payment Time,Item Title,' +
      'Item Types,Logistics No.,Logistics Company,Order Remarks,Item Quantity,Store ID,Store Name,Order Close Reason',
  ),
  plainEnglish: splitHeaders('Order ID,Buyer,Buyer Email,Item,Qty,Amount,Paid At,Tracking No,Carrier,Status,Refund Status,Refund Amount'),
  snakeCase: splitHeaders(
    'order_id,buyer_name,buyer_message,created_at,paid_at,total_amount,product_name,qty,tracking_no,carrier,shipped_at,order_status,' +
      'refund_status,refund_amount,cancel_reason',
  ),
};

const TITLES = ['夏季新款雪纺连衣裙女装', '加厚羊毛大衣 中长款', '纯棉袜子 10 双装', '不锈钢保温杯 500ml'];
const CITIES = ['浙江省 杭州市 西湖区 文三路', '北京 北京市 朝阳区 建国路', '广东省 深圳市 南山区 科技园路'];

function largeExportLine(i: number): string {
  const orderNo = (2741234567890000000n + BigInt(i)).toString();
  const cells: Record<string, string> = {
    订单编号: `="${orderNo}"`, 买家会员名: `tb_买家${i % 9973}`, 买家实际支付金额: `"￥${(1000 + (i % 5000)).toLocaleString('en-US')}.${String(i % 100).padStart(2, '0')}"`,
    订单状态: '交易成功', 收货人姓名: '王小明', 收货地址: `${CITIES[i % CITIES.length]} ${i % 300} 号`, 联系手机: `'138${String(i).padStart(8, '0')}`,
    订单创建时间: `2026-11-${String(1 + (i % 28)).padStart(2, '0')} ${String(i % 24).padStart(2, '0')}:05:13`, 订单付款时间: '2026-11-11 20:06:00',
    宝贝标题: TITLES[i % TITLES.length] ?? '', 物流单号: `="7881${String(i).padStart(10, '0')}"`, 物流公司: '中通快递', 宝贝总数量: String(1 + (i % 3)),
  };
  return TAOBAO_HEADERS.map((header) => cells[header] ?? '').join(',');
}

/** A Taobao-shaped GBK export of `rows` orders (the benchmark's and the load test's). */
export function largeTaobaoExport(rows: number): Uint8Array {
  const lines = [TAOBAO_HEADERS.join(',')];
  for (let i = 0; i < rows; i++) lines.push(largeExportLine(i));
  return iconv.encode(lines.join('\r\n'), 'gbk');
}
