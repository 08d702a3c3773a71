package io.feedbackbot.opennlp.training;

import java.util.ArrayList;
import java.util.List;

/** A tiny bilingual training set written for the tests, enough for a model to learn something in milliseconds. */
public final class SmallCorpus {

    private SmallCorpus() {
    }

    public static List<LabeledText> rows() {
        List<LabeledText> rows = new ArrayList<>();
        String[][] complaints = {
            {"delivery", "my parcel is late again and nobody answers"},
            {"delivery", "the driver never came, still waiting"},
            {"delivery", "外卖送得太慢了，等了一个小时"},
            {"delivery", "送到的时候饭都凉了"},
            {"product_quality", "the jacket arrived broken, terrible quality"},
            {"product_quality", "菜里有头发，太恶心了"},
            {"service_attitude", "your agent was rude and hung up on me"},
            {"service_attitude", "客服态度很差，不理人"},
            {"price_billing", "you charged me twice, I want a refund"},
            {"price_billing", "重复扣费了，要求退款"},
            {"app_website", "the app keeps crashing when I pay"},
            {"app_website", "app 一直闪退，登不上"},
        };
        for (String[] c : complaints) {
            rows.add(new LabeledText(Label.COMPLAINT, c[0], c[1]));
        }
        String[] fine = {
            "thanks, the food was great", "delivery was quick, thank you", "love the new app",
            "great service, very friendly staff", "how do I change my address?", "what time do you open",
            "谢谢，很好吃", "送餐很快，点赞", "服务很周到，满意", "味道不错，下次还来", "请问几点开门", "好评",
        };
        for (String f : fine) {
            rows.add(LabeledText.of(Label.NOT_COMPLAINT, f));
        }
        return rows;
    }
}
